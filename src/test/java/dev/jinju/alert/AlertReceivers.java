package dev.jinju.alert;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stand-ins for the outside world during tests: a real SMTP server (GreenMail) and a local HTTP receiver for
 * Slack, webhooks, a broken webhook (always 500) and the heartbeat. What they received is read back over HTTP
 * ({@code GET /_received?path=/slack}, {@code GET /_mail}) as JSON, so tests need no shared static state.
 */
public class AlertReceivers implements QuarkusTestResourceLifecycleManager {
    private GreenMail mail;
    private HttpServer http;
    private final Map<String, List<Map<String, Object>>> received = new HashMap<>();

    @Override
    public Map<String, String> start() {
        int smtpPort = freePort();
        mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        try {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        for (String path : List.of("/slack", "/webhook", "/fail", "/heartbeat")) {
            http.createContext(path, ex -> {
                Map<String, Object> r = new HashMap<>();
                r.put("method", ex.getRequestMethod());
                r.put("body", new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                Map<String, String> headers = new HashMap<>();
                ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
                r.put("headers", headers);
                synchronized (received) {
                    received.computeIfAbsent(path, k -> new ArrayList<>()).add(r);
                }
                reply(ex, path.equals("/fail") ? 500 : 200, path.equals("/fail") ? "boom" : "ok");
            });
        }
        http.createContext("/_received", ex -> {
            String path = ex.getRequestURI().getQuery().replace("path=", "");
            List<Map<String, Object>> list;
            synchronized (received) {
                list = new ArrayList<>(received.getOrDefault(path, List.of()));
            }
            reply(ex, 200, toJson(list));
        });
        http.createContext("/_mail", ex -> {
            List<Map<String, Object>> list = new ArrayList<>();
            try {
                for (MimeMessage m : mail.getReceivedMessages()) {
                    Map<String, Object> o = new HashMap<>();
                    o.put("subject", m.getSubject());
                    List<String> to = new ArrayList<>();
                    for (Address a : m.getRecipients(Message.RecipientType.TO)) {
                        to.add(a.toString());
                    }
                    o.put("to", to);
                    o.put("from", m.getFrom()[0].toString());
                    Map<String, String> parts = new HashMap<>();
                    collect(m, parts);
                    o.put("text", parts.getOrDefault("text/plain", ""));
                    o.put("html", parts.getOrDefault("text/html", ""));
                    list.add(o);
                }
            } catch (Exception e) {
                reply(ex, 500, String.valueOf(e));
                return;
            }
            reply(ex, 200, toJson(list));
        });
        http.start();
        String base = "http://127.0.0.1:" + http.getAddress().getPort();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.mailer.mock", "false");
        config.put("quarkus.mailer.host", "127.0.0.1");
        config.put("quarkus.mailer.port", Integer.toString(smtpPort));
        config.put("quarkus.mailer.from", "jinju@test.local");
        config.put("quarkus.mailer.start-tls", "DISABLED");
        config.put("jinju.public-url", "https://jinju.test/");
        config.put("jinju.heartbeat.url", base + "/heartbeat");
        config.put("jinju.alerts.channels.test-slack.type", "slack");
        config.put("jinju.alerts.channels.test-slack.url", base + "/slack");
        config.put("jinju.alerts.channels.test-webhook.type", "webhook");
        config.put("jinju.alerts.channels.test-webhook.url", base + "/webhook");
        config.put("jinju.alerts.channels.test-webhook.headers.X-Token", "hook-secret");
        config.put("jinju.alerts.channels.test-mail.type", "email");
        config.put("jinju.alerts.channels.test-mail.to", "oncall@test.local,dev@test.local");
        config.put("jinju.alerts.channels.test-broken.type", "webhook");
        config.put("jinju.alerts.channels.test-broken.url", base + "/fail");
        config.put("alert-receivers.base", base);
        return config;
    }

    private static void collect(Part p, Map<String, String> parts) throws Exception {
        if (p.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) p.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                collect(mp.getBodyPart(i), parts);
            }
        } else if (p.isMimeType("text/plain")) {
            parts.put("text/plain", String.valueOf(p.getContent()));
        } else if (p.isMimeType("text/html")) {
            parts.put("text/html", String.valueOf(p.getContent()));
        }
    }

    private static void reply(com.sun.net.httpserver.HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    private static String toJson(Object o) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (http != null) {
            http.stop(0);
        }
        if (mail != null) {
            mail.stop();
        }
    }
}
