package dev.jinju.alert;

import java.time.Instant;

/** A fingerprint as the alerting side has seen it in a project's environment. */
public record FingerprintInfo(String project, String environment, String fingerprint, Instant firstSeen,
                              Instant lastSeen, long count, String message) {
}
