package dev.jinju.project;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A project as Jinju uses it: its environments, accepted ingest keys, allowed origins and Lambda prefixes. */
public record ProjectDef(String name, List<String> environments, List<String> ingestKeys,
                         List<String> allowedOrigins, Map<String, List<String>> lambdaPrefixes,
                         Optional<Integer> retentionDays) {

    public ProjectDef {
        environments = List.copyOf(environments);
        ingestKeys = List.copyOf(ingestKeys);
        allowedOrigins = List.copyOf(allowedOrigins);
        lambdaPrefixes = Map.copyOf(lambdaPrefixes);
    }

    public boolean hasEnvironment(String environment) {
        return environments.contains(environment);
    }

    public boolean acceptsKey(String key) {
        // Constant-time comparison: keys are secrets and the ingest route faces the internet.
        boolean ok = false;
        for (String k : ingestKeys) {
            ok |= java.security.MessageDigest.isEqual(k.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return ok;
    }

    public boolean allowsOrigin(String origin) {
        return allowedOrigins.contains("*") || allowedOrigins.contains(origin);
    }
}
