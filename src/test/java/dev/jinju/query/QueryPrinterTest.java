package dev.jinju.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The printer: canonical text for every tree, and refusal of trees the language cannot spell. */
class QueryPrinterTest {

    private static String roundTrip(String text) {
        return QueryPrinter.print(QueryParser.parse(text));
    }

    @Test
    void printsCanonicalText() {
        assertEquals("", roundTrip("  "));
        assertEquals("a b (c OR d)", roundTrip("a AND b (c OR d)"));
        assertEquals("a b OR c", roundTrip("(a b) OR c"));
        assertEquals("!(a OR b) !c", roundTrip("-(a OR b) -c"));
        assertEquals("code:[E101,\"E 102\"] http.status:>=500", roundTrip("code:[ E101 , \"E 102\" ] http.status:>=500"));
        assertEquals("\"say \\\"hi\\\"\" user.name:\"Alice Smith\"", roundTrip("\"say \\\"hi\\\"\" user.name:\"Alice Smith\""));
        assertEquals("extra.note:\">5\" extra.note:\"[x]\"", roundTrip("extra.note:\">5\" extra.note:\"[x]\""));
    }

    @Test
    void refusesTreesTheLanguageCannotSpell() {
        assertThrows(IllegalArgumentException.class, () -> QueryPrinter.print(new Query.Text("a b")));
        assertThrows(IllegalArgumentException.class, () -> QueryPrinter.print(new Query.Text("OR")));
        assertThrows(IllegalArgumentException.class,
                () -> QueryPrinter.print(new Query.And(List.of(new Query.All(), new Query.Text("a")))));
    }
}
