package dev.jinju.query;

import java.util.List;

/** One token of the query language, with the 0-based offset where it starts. */
sealed interface Token {

    int position();

    /** How the token reads in an error message's "but found ...". */
    String describe();

    record Open(int position) implements Token {
        public String describe() {
            return "'('";
        }
    }

    record Close(int position) implements Token {
        public String describe() {
            return "')'";
        }
    }

    record AndOp(int position) implements Token {
        public String describe() {
            return "'AND'";
        }
    }

    record OrOp(int position) implements Token {
        public String describe() {
            return "'OR'";
        }
    }

    /** {@code !} or {@code -} in front of a term or group. */
    record Negation(int position, char symbol) implements Token {
        public String describe() {
            return "'" + symbol + "'";
        }
    }

    /** A free term, unquoted. */
    record Word(int position, String text) implements Token {
        public String describe() {
            return "'" + text + "'";
        }
    }

    /** A free quoted phrase, unescaped. */
    record Quoted(int position, String text) implements Token {
        public String describe() {
            return "a quoted phrase";
        }
    }

    /**
     * {@code name:value}, {@code name:[v,...]} or {@code name:>=value}, not yet checked against the known fields.
     * {@code op} is null unless a comparison; {@code list} tells {@code [v]} from {@code v}.
     */
    record FieldTerm(int position, String name, Query.Comparison op, int opPosition, List<Value> values, boolean list)
            implements Token {
        public FieldTerm {
            values = List.copyOf(values);
        }

        public String describe() {
            return "'" + name + ":'";
        }
    }

    record End(int position) implements Token {
        public String describe() {
            return "end of query";
        }
    }

    /** One value of a field term, unescaped, with where it starts. */
    record Value(String text, int position) {
    }
}
