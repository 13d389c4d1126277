package dev.jinju.security;

import io.smallrye.config.ConfigMapping;

import java.util.Map;

/**
 * Dashboard users: {@code jinju.auth.users.<username>=<bcrypt hash>} (SPEC §8). The hash is a Modular Crypt
 * bcrypt string ({@code $2a$}, {@code $2b$} or {@code $2y$}), e.g. from {@code htpasswd -bnBC 10 "" secret}.
 */
@ConfigMapping(prefix = "jinju.auth")
public interface AuthConfig {

    /** bcrypt hashes by user name. */
    Map<String, String> users();
}
