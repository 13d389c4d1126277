package dev.jinju.ingest;

import java.util.List;
import java.util.Map;

/**
 * A batch as web apps send it (SPEC §4, §8), in the form both doors hand to {@link IngestService}: the GraphQL
 * {@code ingest} mutation and {@code POST /api/ingest}. Fields are loosely typed on purpose (level and
 * timestamp as text) so that one bad event is rejected alone instead of failing the whole batch.
 */
public record IngestBatch(String key, String project, String environment, String batchId, Context context,
                          List<Event> events) {

    /** Shared context of every event in the batch; an event's own values win. */
    public record Context(String url, String userAgent, UserData user, String release, String pageViewId) {
    }

    /** One event as sent. */
    public record Event(String timestamp, String level, String type, String code, String message,
                        String stackTrace, String url, String location, List<String> componentTrace,
                        HttpData http, UserData user, String requestId, Map<String, Object> extra) {
    }

    /** HTTP method and status of the request an event is about. */
    public record HttpData(String method, Integer status) {
    }

    /** The signed-in user. */
    public record UserData(String id, String email, String name) {
    }
}
