package dev.jinju.event;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Log group and stream naming shared by every store (SPEC §3): {@code /jinju/{project}/{environment}}, hourly streams. */
public final class LogGroups {
    public static final String JINJU_PREFIX = "/jinju/";
    public static final String LAMBDA_PREFIX = "/aws/lambda/";
    private static final DateTimeFormatter HOURLY = DateTimeFormatter.ofPattern("yyyy/MM/dd/HH").withZone(ZoneOffset.UTC);

    private LogGroups() {
    }

    public static String groupName(String project, String environment) {
        return JINJU_PREFIX + project + "/" + environment;
    }

    /** The hourly stream an event occurring at {@code timestamp} belongs to, e.g. {@code 2026/11/26/11}. */
    public static String streamName(Instant timestamp) {
        return HOURLY.format(timestamp);
    }
}
