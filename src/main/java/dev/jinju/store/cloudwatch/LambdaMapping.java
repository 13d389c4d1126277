package dev.jinju.store.cloudwatch;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which project and environment a Lambda function's log group {@code /aws/lambda/{function}} lists under:
 * project → environment → function-name prefixes ({@code jinju.projects.<p>.lambda.<env>}). The longest matching
 * prefix wins, so {@code shop-api-prod} can be told from {@code shop-api-}.
 */
public record LambdaMapping(Map<String, Map<String, List<String>>> prefixes) {

    public static final LambdaMapping NONE = new LambdaMapping(Map.of());

    public LambdaMapping {
        prefixes = prefixes == null ? Map.of() : Map.copyOf(prefixes);
    }

    /** A project and environment. */
    public record Target(String project, String environment) {
    }

    public Optional<Target> lookup(String functionName) {
        Target best = null;
        int bestLength = -1;
        for (var project : prefixes.entrySet()) {
            for (var env : project.getValue().entrySet()) {
                for (String prefix : env.getValue()) {
                    if (functionName.startsWith(prefix) && prefix.length() > bestLength) {
                        best = new Target(project.getKey(), env.getKey());
                        bestLength = prefix.length();
                    }
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** Every prefix, longest first (used to narrow DescribeLogGroups calls). */
    public List<String> allPrefixes() {
        return prefixes.values().stream().flatMap(m -> m.values().stream()).flatMap(List::stream).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }
}
