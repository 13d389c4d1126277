package dev.jinju.query;

import dev.jinju.event.Level;
import dev.jinju.event.LogEvent;
import dev.jinju.query.text.TextAnalysis;
import dev.jinju.query.text.TextQueries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import org.apache.lucene.index.memory.MemoryIndex;

/** The reference meaning of a {@link Query} (SPEC §5): whether it matches one event. Stores must agree with it. */
public final class QueryEvaluator {

    private QueryEvaluator() {
    }

    public static boolean matches(Query query, LogEvent event) {
        return new Evaluation(event).test(query);
    }

    /** One evaluation over one event; holds the text index, built on the first free term and reused after. */
    private static final class Evaluation {
        private final LogEvent event;
        private MemoryIndex index;

        Evaluation(LogEvent event) {
            this.event = event;
        }

        boolean test(Query q) {
            if (q instanceof Query.All) {
                return true;
            } else if (q instanceof Query.And and) {
                return and.clauses().stream().allMatch(this::test);
            } else if (q instanceof Query.Or or) {
                return or.clauses().stream().anyMatch(this::test);
            } else if (q instanceof Query.Not not) {
                return !test(not.query());
            } else if (q instanceof Query.Text || q instanceof Query.Phrase) {
                return text(q);
            } else if (q instanceof Query.Match match) {
                return match(match.field(), match.value());
            } else if (q instanceof Query.AnyOf anyOf) {
                return anyOf.values().stream().anyMatch(v -> match(anyOf.field(), v));
            } else if (q instanceof Query.Compare compare) {
                return compare(compare);
            } else if (q instanceof Query.Has has) {
                return EventFields.isPresent(EventFields.value(event, has.field()));
            }
            throw new IllegalArgumentException("unknown query node " + q);
        }

        private boolean text(Query q) {
            if (index == null) {
                index = new MemoryIndex();
                index.addField(TextAnalysis.TEXT_FIELD, TextAnalysis.text(event.message(), event.stackTrace()),
                        TextAnalysis.analyzer());
            }
            try {
                return index.createSearcher().count(TextQueries.toLucene(q)) > 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e); // cannot happen: the index is in memory
            }
        }

        private boolean match(Field field, String value) {
            if (field.equals(Field.LEVEL)) {
                Level level = event.level();
                if (level == null) {
                    return false;
                }
                // A pattern is matched against the canonical name (ERROR), not against other spellings.
                return Wildcards.hasWildcard(value)
                        ? Wildcards.matches(value.toUpperCase(Locale.ROOT), level.name())
                        : Level.parse(value).map(level::equals).orElse(false);
            }
            if (field.equals(Field.HTTP_METHOD)) {
                String method = event.http() == null ? null : event.http().method();
                return method != null
                        && Wildcards.matches(value.toUpperCase(Locale.ROOT), method.toUpperCase(Locale.ROOT));
            }
            if (field.equals(Field.TIMESTAMP)) {
                Instant ts = event.timestamp();
                return ts != null && QueryTimes.parse(value).map(ts::equals).orElse(false);
            }
            return EventFields.texts(event, field).stream().anyMatch(s -> Wildcards.matches(value, s));
        }

        private boolean compare(Query.Compare c) {
            Field field = c.field();
            if (field.equals(Field.LEVEL)) {
                Level level = event.level();
                return level != null && Level.parse(c.value()).map(q -> c.op().test(level.compareTo(q))).orElse(false);
            }
            if (field.equals(Field.TIMESTAMP)) {
                Instant ts = event.timestamp();
                return ts != null && QueryTimes.parse(c.value()).map(q -> c.op().test(ts.compareTo(q))).orElse(false);
            }
            BigDecimal q = decimal(c.value());
            if (q == null) {
                return false;
            }
            for (Object scalar : EventFields.scalars(EventFields.value(event, field))) {
                // Only real numbers compare: the string "9" in extra does not, so that SQL can test the JSON type.
                if (scalar instanceof Number n) {
                    BigDecimal d = EventFields.toDecimal(n);
                    if (d != null && c.op().test(d.compareTo(q))) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static BigDecimal decimal(String text) {
            try {
                return new BigDecimal(text.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
