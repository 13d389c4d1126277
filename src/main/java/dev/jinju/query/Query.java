package dev.jinju.query;

import java.util.List;

/**
 * A parsed query (SPEC §5) as an immutable tree. {@link QueryEvaluator} defines what each node means;
 * {@link QueryPrinter} prints it back so that {@code parse(print(q)).equals(q)}.
 */
public sealed interface Query {

    /** The empty query: matches every event. */
    record All() implements Query {
    }

    /** Every clause matches (terms side by side, or {@code AND}). Holds two or more clauses. */
    record And(List<Query> clauses) implements Query {
        public And {
            clauses = List.copyOf(clauses);
        }
    }

    /** At least one clause matches ({@code OR}). Holds two or more clauses. */
    record Or(List<Query> clauses) implements Query {
        public Or {
            clauses = List.copyOf(clauses);
        }
    }

    /** The inner query does not match ({@code !term}, {@code -term}). */
    record Not(Query query) implements Query {
    }

    /**
     * A free term matched against the words of {@code message} and {@code stackTrace} through the text analyzer.
     * {@code *} is a wildcard inside one word ({@code pay*}, {@code *Error}).
     */
    record Text(String term) implements Query {
    }

    /** A quoted phrase: its words in order in {@code message} or {@code stackTrace}. */
    record Phrase(String text) implements Query {
    }

    /** {@code field:value}: equality; {@code *} in the value is a wildcard over the whole value. */
    record Match(Field field, String value) implements Query {
    }

    /** {@code field:[a,b,c]}: the field equals any of the values (each read as in {@link Match}). */
    record AnyOf(Field field, List<String> values) implements Query {
        public AnyOf {
            values = List.copyOf(values);
        }
    }

    /** {@code field:>=value} and friends: compares numbers, times, and levels by severity. */
    record Compare(Field field, Comparison op, String value) implements Query {
    }

    /** {@code has:field}: the field is present and not empty. */
    record Has(Field field) implements Query {
    }

    /** The comparison operators of {@link Compare}. */
    enum Comparison {
        GT(">"), GE(">="), LT("<"), LE("<=");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        /** Whether {@code cmp} (the result of comparing the event's value to the query's) satisfies this operator. */
        public boolean test(int cmp) {
            return switch (this) {
                case GT -> cmp > 0;
                case GE -> cmp >= 0;
                case LT -> cmp < 0;
                case LE -> cmp <= 0;
            };
        }
    }
}
