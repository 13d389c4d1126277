package dev.jinju.store.cloudwatch;

import dev.jinju.event.Level;
import dev.jinju.query.Field;
import dev.jinju.query.Query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compiles a query tree to a CloudWatch Logs Insights query over Jinju's JSON events (Insights discovers their
 * fields, nested ones as {@code http.status}, {@code user.id}). Like {@link FilterPatternCompiler} the filter is
 * a superset of the query: field equality is exact, wildcards become anchored regexes, and text terms become
 * case-insensitive substring regexes over {@code message} and {@code stackTrace} (every analysed word of a term
 * must occur somewhere, which holds whenever the term matches). The histogram query counts per level in
 * {@code buckets} slices of the range.
 */
public final class InsightsQueryCompiler {
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,9}");
    private static final Pattern WORD_SPLIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    private InsightsQueryCompiler() {
    }

    /** The filter condition (no leading {@code filter}), or empty when nothing narrows. */
    public static Optional<String> filter(Query query, Set<Level> levels) {
        List<String> parts = new ArrayList<>();
        if (levels != null && !levels.isEmpty() && levels.size() < Level.values().length) {
            parts.add(levelIn(EnumSet.copyOf(levels)));
        }
        superset(query).ifPresent(parts::add);
        return parts.isEmpty() ? Optional.empty() : Optional.of(parts.size() == 1 ? parts.get(0) : join(parts, "and"));
    }

    /**
     * The histogram query: counts per bucket and level, bucket {@code i} being
     * {@code [from + i*span/buckets, from + (i+1)*span/buckets)} as in every store. The exact millisecond range is
     * filtered in the query, since StartQuery takes whole seconds. When the slices are whole seconds aligned on the
     * epoch, Insights' {@code bin()} gives the same slices; otherwise the bucket number is computed from
     * {@code toMillis(@timestamp)}.
     */
    public static String histogram(Query query, Set<Level> levels, Instant from, Instant to, int buckets) {
        long f = from.toEpochMilli();
        long span = Math.max(1, to.toEpochMilli() - f);
        long width = span / buckets;
        boolean bin = span % buckets == 0 && width % 1000 == 0 && f % width == 0;
        StringBuilder q = new StringBuilder("fields @timestamp, level");
        if (!bin) {
            q.append(", floor((toMillis(@timestamp) - ").append(f).append(") * ").append(buckets).append(" / ")
                    .append(span).append(") as bucket");
        }
        q.append("\n| filter toMillis(@timestamp) >= ").append(f).append(" and toMillis(@timestamp) < ")
                .append(to.toEpochMilli());
        filter(query, levels).ifPresent(c -> q.append("\n| filter ").append(c));
        q.append("\n| stats count(*) as n by ").append(bin ? "bin(" + width / 1000 + "s)" : "bucket").append(", level");
        return q.toString();
    }

    /** Whether {@link #histogram} uses {@code bin()} (bucket values are times) rather than bucket numbers. */
    public static boolean usesBin(Instant from, Instant to, int buckets) {
        long f = from.toEpochMilli();
        long span = Math.max(1, to.toEpochMilli() - f);
        long width = span / buckets;
        return span % buckets == 0 && width % 1000 == 0 && f % width == 0;
    }

    static Optional<String> superset(Query q) {
        if (q instanceof Query.And and) {
            List<String> parts = new ArrayList<>();
            and.clauses().forEach(c -> superset(c).ifPresent(parts::add));
            return parts.isEmpty() ? Optional.empty() : Optional.of(parts.size() == 1 ? parts.get(0) : join(parts, "and"));
        }
        if (q instanceof Query.Or or) {
            List<String> parts = new ArrayList<>();
            for (Query c : or.clauses()) {
                Optional<String> p = superset(c);
                if (p.isEmpty()) {
                    return Optional.empty();
                }
                parts.add(p.get());
            }
            return Optional.of(parts.size() == 1 ? parts.get(0) : join(parts, "or"));
        }
        if (q instanceof Query.Not not) {
            return FilterPatternCompiler.levelSet(not.query()).map(set -> {
                EnumSet<Level> complement = EnumSet.allOf(Level.class);
                complement.removeAll(set);
                return levelIn(complement);
            });
        }
        if (q instanceof Query.Text t) {
            return words(t.term());
        }
        if (q instanceof Query.Phrase p) {
            return words(p.text());
        }
        if (q instanceof Query.Has h) {
            String f = field(h.field());
            return f == null ? Optional.empty() : Optional.of("ispresent(" + f + ")");
        }
        if (q instanceof Query.Match m) {
            return m.field().equals(Field.LEVEL)
                    ? FilterPatternCompiler.levelSet(m).map(InsightsQueryCompiler::levelIn)
                    : equality(m.field(), m.value());
        }
        if (q instanceof Query.AnyOf any) {
            if (any.field().equals(Field.LEVEL)) {
                return FilterPatternCompiler.levelSet(any).map(InsightsQueryCompiler::levelIn);
            }
            List<String> parts = new ArrayList<>();
            for (String v : any.values()) {
                Optional<String> p = equality(any.field(), v);
                if (p.isEmpty()) {
                    return Optional.empty();
                }
                parts.add(p.get());
            }
            return parts.isEmpty() ? Optional.empty() : Optional.of(parts.size() == 1 ? parts.get(0) : join(parts, "or"));
        }
        if (q instanceof Query.Compare c) {
            if (c.field().equals(Field.LEVEL)) {
                return FilterPatternCompiler.levelSet(c).map(InsightsQueryCompiler::levelIn);
            }
            if (c.field().equals(Field.HTTP_STATUS) && INTEGER.matcher(c.value()).matches()) {
                return Optional.of("http.status " + c.op().symbol() + " " + Integer.parseInt(c.value()));
            }
        }
        return Optional.empty();
    }

    /** The Insights field of a query field, or null when it is not pushed down. */
    private static String field(Field f) {
        if (f.isExtra() || f.equals(Field.COMPONENT) || f.equals(Field.TIMESTAMP) || f.equals(Field.LEVEL)) {
            return null;
        }
        return FilterPatternCompiler.STRING_FIELDS.containsKey(f.name()) || f.equals(Field.HTTP_STATUS)
                || f.equals(Field.HTTP_METHOD)
                ? f.name() : null;
    }

    private static Optional<String> equality(Field f, String value) {
        if (f.equals(Field.HTTP_STATUS)) {
            return INTEGER.matcher(value).matches()
                    ? Optional.of("http.status = " + Integer.parseInt(value)) : Optional.empty();
        }
        String name = field(f);
        if (name == null || value.contains("\\")) {
            return Optional.empty();
        }
        String v = value;
        if (f.equals(Field.HTTP_METHOD) || v.contains("*")) {
            StringBuilder re = new StringBuilder(f.equals(Field.HTTP_METHOD) ? "(?i)^" : "^");
            boolean first = true;
            for (String piece : v.split("\\*", -1)) {
                if (!first) {
                    re.append(".*");
                }
                first = false;
                re.append(regexLiteral(piece));
            }
            return Optional.of(name + " like /" + re.append('$') + "/");
        }
        return Optional.of(name + " = " + string(v));
    }

    /** Every word piece of a term or phrase as a case-insensitive substring of message or stackTrace. */
    private static Optional<String> words(String text) {
        List<String> parts = new ArrayList<>();
        for (String w : WORD_SPLIT.split(text)) {
            if (!w.isEmpty()) {
                String re = "/(?i)" + regexLiteral(w) + "/";
                parts.add("(message like " + re + " or stackTrace like " + re + ")");
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(parts.size() == 1 ? parts.get(0) : String.join(" and ", parts));
    }

    private static String levelIn(Set<Level> set) {
        if (set.size() == 1) {
            return "level = \"" + set.iterator().next().name() + "\"";
        }
        return "level in [" + String.join(", ", set.stream().sorted().map(l -> "\"" + l.name() + "\"").toList()) + "]";
    }

    private static String join(List<String> parts, String op) {
        return "(" + String.join(") " + op + " (", parts) + ")";
    }

    static String string(String v) {
        return "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String regexLiteral(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if ("\\^$.|?*+()[]{}/".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
