package dev.jinju.graphql.types;

import jakarta.json.JsonObject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

/**
 * GraphQL input {@code EventInput}. {@code timestamp} and {@code level} are strings so that one event with an
 * unparsable time or an unknown level is rejected alone, not the whole batch, and any level spelling works.
 */
@Input("EventInput")
public class EventInput {
    @NonNull
    @Description("ISO-8601 date-time with zone, e.g. 2026-11-26T11:00:00.000Z, or epoch milliseconds")
    public String timestamp;
    @NonNull
    @Description("TRACE DEBUG INFO WARN ERROR FATAL, or another common spelling (warning, critical, ...)")
    public String level;
    public String type;
    public String code;
    @NonNull
    public String message;
    public String stackTrace;
    public String url;
    public String location;
    public List<@NonNull String> componentTrace;
    public HttpInput http;
    public UserInput user;
    public String requestId;
    public JsonObject extra;
}
