package dev.jinju.alert;

import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** Slack incoming webhooks and generic JSON webhooks: a POST of JSON that must answer 2xx. */
@ApplicationScoped
public class HttpChannels {
    private final HttpClient client;
    private final Duration timeout;

    public HttpChannels(AlertsConfig config) {
        this.timeout = config.httpTimeout();
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public void sendSlack(String name, AlertsConfig.ChannelConfig ch, AlertNotification n) throws Exception {
        post(name, ch, Messages.slack(n), Map.of());
    }

    public void sendWebhook(String name, AlertsConfig.ChannelConfig ch, AlertNotification n) throws Exception {
        post(name, ch, Messages.webhook(n), ch.headers());
    }

    private void post(String name, AlertsConfig.ChannelConfig ch, String body, Map<String, String> headers)
            throws Exception {
        String url = ch.url().orElseThrow(() -> new IllegalStateException(
                "channel '" + name + "' has no url (jinju.alerts.channels." + name + ".url)"));
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8").header("User-Agent", "Jinju-Alerts")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(req::header);
        HttpResponse<String> res = client.send(req.build(), HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() / 100 != 2) {
            // The URL is a secret (Slack's carries the token): report the status, never the URL.
            String text = res.body() == null ? "" : Messages.clip(res.body(), 200);
            throw new IllegalStateException("HTTP " + res.statusCode() + (text.isBlank() ? "" : ": " + text));
        }
    }
}
