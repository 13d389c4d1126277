package dev.jinju.query;

import dev.jinju.event.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Recursive-descent parser of the SPEC §5 query language. Grammar (precedence OR &lt; AND &lt; NOT):
 * <pre>
 * query   := orExpr END | (blank)
 * orExpr  := andExpr ('OR' andExpr)*
 * andExpr := unary (['AND'] unary)*
 * unary   := ('!' | '-') unary | primary
 * primary := '(' orExpr ')' | word | "phrase" | field ':' value | field ':' '[' value (',' value)* ']'
 *          | field ':' ('&gt;' | '&gt;=' | '&lt;' | '&lt;=') value | 'has:' field
 * </pre>
 */
public final class QueryParser {

    /** Deeper nesting than this is refused, so hostile input cannot overflow the stack. */
    static final int MAX_DEPTH = 100;

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,9}");
    private static final String LEVELS = "a level (trace, debug, info, warn, error, fatal or another spelling)";

    private final QueryLexer lexer;
    private Token next;
    private int depth;

    private QueryParser(String src) {
        this.lexer = new QueryLexer(src);
        this.next = lexer.next();
    }

    /** The tree of {@code text}; blank text is {@link Query.All}. Throws {@link QuerySyntaxException}. */
    public static Query parse(String text) {
        if (text == null || text.isBlank()) {
            return new Query.All();
        }
        QueryParser parser = new QueryParser(text);
        Query query = parser.orExpr();
        if (!(parser.next instanceof Token.End)) {
            throw new QuerySyntaxException(parser.next.position(),
                    parser.next instanceof Token.Close ? "end of query (this ')' closes nothing)" : "end of query",
                    parser.next.describe());
        }
        return query;
    }

    private Token advance() {
        Token t = next;
        next = lexer.next();
        return t;
    }

    private Query orExpr() {
        List<Query> clauses = new ArrayList<>();
        add(clauses, andExpr(), Query.Or.class);
        while (next instanceof Token.OrOp) {
            advance();
            add(clauses, andExpr(), Query.Or.class);
        }
        return clauses.size() == 1 ? clauses.get(0) : new Query.Or(clauses);
    }

    private Query andExpr() {
        List<Query> clauses = new ArrayList<>();
        add(clauses, unary(), Query.And.class);
        while (true) {
            if (next instanceof Token.AndOp) {
                advance();
            } else if (!startsTerm(next)) {
                break;
            }
            add(clauses, unary(), Query.And.class);
        }
        return clauses.size() == 1 ? clauses.get(0) : new Query.And(clauses);
    }

    /** Adds {@code q}, splicing in its clauses when it is the same kind of group: {@code (a b) c} is {@code a b c}. */
    private static void add(List<Query> clauses, Query q, Class<? extends Query> kind) {
        if (q instanceof Query.And and && kind == Query.And.class) {
            clauses.addAll(and.clauses());
        } else if (q instanceof Query.Or or && kind == Query.Or.class) {
            clauses.addAll(or.clauses());
        } else {
            clauses.add(q);
        }
    }

    private static boolean startsTerm(Token t) {
        return t instanceof Token.Open || t instanceof Token.Negation || t instanceof Token.Word
                || t instanceof Token.Quoted || t instanceof Token.FieldTerm;
    }

    private Query unary() {
        if (next instanceof Token.Negation negation) {
            advance();
            enter(negation);
            if (!startsTerm(next)) {
                throw new QuerySyntaxException(next.position(), "a term or '(' after '" + negation.symbol() + "'",
                        next.describe());
            }
            Query inner = unary();
            depth--;
            return new Query.Not(inner);
        }
        return primary();
    }

    private void enter(Token t) {
        if (++depth > MAX_DEPTH) {
            throw QuerySyntaxException.explained(t.position(), "a term",
                    "query nests more than " + MAX_DEPTH + " groups or negations deep");
        }
    }

    private Query primary() {
        Token t = next;
        if (t instanceof Token.Open) {
            advance();
            enter(t);
            Query inner = orExpr();
            if (!(next instanceof Token.Close)) {
                throw new QuerySyntaxException(next.position(), "')'", next.describe());
            }
            advance();
            depth--;
            return inner;
        }
        if (t instanceof Token.Word word) {
            advance();
            return new Query.Text(word.text());
        }
        if (t instanceof Token.Quoted quoted) {
            advance();
            return new Query.Phrase(quoted.text());
        }
        if (t instanceof Token.FieldTerm term) {
            advance();
            return fieldTerm(term);
        }
        throw new QuerySyntaxException(t.position(), "a term", t.describe());
    }

    private Query fieldTerm(Token.FieldTerm term) {
        if (term.name().equals("has")) {
            Token.Value v = term.values().get(0);
            if (v.text().isEmpty()) {
                throw new QuerySyntaxException(v.position(), "a field name after 'has:'", lexer.found(v.position()));
            }
            return new Query.Has(field(v.text(), v.position()));
        }
        Field field = field(term.name(), term.position());
        if (term.op() != null) {
            Token.Value v = term.values().get(0);
            checkComparable(field, term.op(), term.opPosition(), v);
            return new Query.Compare(field, term.op(), v.text());
        }
        List<String> values = new ArrayList<>();
        for (Token.Value v : term.values()) {
            checkMatchValue(field, v);
            values.add(v.text());
        }
        return term.list() ? new Query.AnyOf(field, values) : new Query.Match(field, values.get(0));
    }

    private static Field field(String name, int position) {
        return Field.of(name).orElseThrow(() -> QuerySyntaxException.explained(position, "a known field",
                "unknown field '" + name + "'; known fields are " + String.join(", ", Field.KNOWN)
                        + " and extra.<path>"));
    }

    private static void checkMatchValue(Field field, Token.Value v) {
        if (field.equals(Field.LEVEL) && !Wildcards.hasWildcard(v.text()) && Level.parse(v.text()).isEmpty()) {
            throw new QuerySyntaxException(v.position(), LEVELS, "'" + v.text() + "'");
        }
        // Timestamps match by instant (a wildcard would need a canonical text form every store shares).
        if (field.equals(Field.TIMESTAMP) && QueryTimes.parse(v.text()).isEmpty()) {
            throw new QuerySyntaxException(v.position(), QueryTimes.FORMS, "'" + v.text() + "'");
        }
    }

    private static void checkComparable(Field field, Query.Comparison op, int opPosition, Token.Value v) {
        String text = v.text();
        if (field.equals(Field.TIMESTAMP)) {
            if (QueryTimes.parse(text).isEmpty()) {
                throw new QuerySyntaxException(v.position(), QueryTimes.FORMS, "'" + text + "'");
            }
        } else if (field.equals(Field.HTTP_STATUS)) {
            if (!INTEGER.matcher(text).matches()) {
                throw new QuerySyntaxException(v.position(), "a whole number", "'" + text + "'");
            }
        } else if (field.equals(Field.LEVEL)) {
            if (Level.parse(text).isEmpty()) {
                throw new QuerySyntaxException(v.position(), LEVELS, "'" + text + "'");
            }
        } else if (!field.isExtra()) {
            throw QuerySyntaxException.explained(opPosition, "a value",
                    "'" + op.symbol() + "' compares numbers and times: use it on timestamp, level, http.status "
                            + "or extra.<path>, not on " + field.name());
        }
    }
}
