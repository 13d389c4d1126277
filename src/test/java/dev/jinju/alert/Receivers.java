package dev.jinju.alert;

import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/** Reads back what {@link AlertReceivers} received. */
public final class Receivers {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Receivers() {
    }

    static String base() {
        return ConfigProvider.getConfig().getValue("alert-receivers.base", String.class);
    }

    /** Requests received on {@code path}: maps of method, body, headers (lower-case names). */
    public static List<Map<String, Object>> http(String path) {
        return get("/_received?path=" + path);
    }

    /** Mails received: maps of subject, to, from, text, html. */
    public static List<Map<String, Object>> mail() {
        return get("/_mail");
    }

    private static List<Map<String, Object>> get(String path) {
        try {
            HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(base() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new AssertionError("receiver answered " + r.statusCode() + ": " + r.body());
            }
            return JsonPath.from(r.body()).getList("$");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
