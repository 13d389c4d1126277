package dev.jinju.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The texts and JSON bodies of notifications, shared by the channels. */
final class Messages {
    static final ObjectMapper JSON = new ObjectMapper();

    private Messages() {
    }

    static String plainText(AlertNotification n) {
        StringBuilder b = new StringBuilder();
        b.append(n.title()).append("\n\n");
        b.append(n.reason()).append('\n');
        b.append("Project: ").append(n.where()).append('\n');
        if (!n.query().isEmpty()) {
            b.append("Query: ").append(n.query()).append('\n');
        }
        if (n.level() != null) {
            b.append("Level: ").append(n.level()).append('\n');
        }
        b.append("Count: ").append(n.count()).append('\n');
        if (n.topMessage() != null) {
            b.append("Top message: ").append(n.topMessage()).append('\n');
        }
        b.append("Window: ").append(n.from()).append(" – ").append(n.to()).append('\n');
        b.append("Open in Jinju: ").append(n.link()).append('\n');
        return b.toString();
    }

    static String html(AlertNotification n) {
        StringBuilder b = new StringBuilder("<html><body style=\"font-family:sans-serif\">");
        b.append("<h2 style=\"color:").append(n.kind() == AlertNotification.Kind.FIRED ? "#b42318" : "#067647")
                .append("\">").append(esc(n.title())).append("</h2>");
        b.append("<p>").append(esc(n.reason())).append("</p><table>");
        row(b, "Project", n.where());
        if (!n.query().isEmpty()) {
            row(b, "Query", n.query());
        }
        if (n.level() != null) {
            row(b, "Level", n.level().name());
        }
        row(b, "Count", Long.toString(n.count()));
        if (n.topMessage() != null) {
            row(b, "Top message", n.topMessage());
        }
        row(b, "Window", n.from() + " – " + n.to());
        b.append("</table><p><a href=\"").append(esc(n.link())).append("\">Open in Jinju</a></p></body></html>");
        return b.toString();
    }

    private static void row(StringBuilder b, String k, String v) {
        b.append("<tr><th align=\"left\">").append(esc(k)).append("</th><td>").append(esc(v)).append("</td></tr>");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Slack mrkdwn escaping: only &, < and > are special. */
    static String slackEsc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String slack(AlertNotification n) {
        String emoji = n.kind() == AlertNotification.Kind.FIRED ? ":rotating_light:" : ":white_check_mark:";
        StringBuilder t = new StringBuilder();
        t.append(emoji).append(" *").append(slackEsc(n.title())).append("*\n");
        t.append(slackEsc(n.reason())).append('\n');
        t.append("*Project:* ").append(slackEsc(n.where()));
        if (n.level() != null) {
            t.append("   *Level:* ").append(n.level());
        }
        t.append("   *Count:* ").append(n.count()).append('\n');
        if (!n.query().isEmpty()) {
            t.append("*Query:* `").append(slackEsc(n.query())).append("`\n");
        }
        if (n.topMessage() != null) {
            t.append("*Top message:* ").append(slackEsc(clip(n.topMessage(), 300))).append('\n');
        }
        t.append('<').append(n.link()).append("|Open in Jinju>");
        ObjectNode body = JSON.createObjectNode();
        body.put("text", t.toString());
        ArrayNode blocks = body.putArray("blocks");
        ObjectNode section = blocks.addObject();
        section.put("type", "section");
        section.putObject("text").put("type", "mrkdwn").put("text", t.toString());
        return body.toString();
    }

    static String webhook(AlertNotification n) {
        ObjectNode o = JSON.createObjectNode();
        o.put("rule", n.rule());
        o.put("status", n.kind() == AlertNotification.Kind.FIRED ? "firing" : "resolved");
        o.put("condition", n.condition().configName());
        o.put("project", n.project());
        o.put("environment", n.environment());
        ArrayNode groups = o.putArray("groups");
        n.groups().forEach(groups::add);
        o.put("query", n.query());
        o.put("count", n.count());
        if (n.previousCount() != null) {
            o.put("previousCount", n.previousCount());
        }
        o.put("threshold", n.threshold());
        o.put("level", n.level() == null ? null : n.level().name());
        o.put("topMessage", n.topMessage());
        o.put("fingerprint", n.fingerprint());
        o.put("from", n.from().toString());
        o.put("to", n.to().toString());
        o.put("link", n.link());
        o.put("summary", n.title() + ": " + n.reason());
        return o.toString();
    }

    static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
