package dev.jinju.export;

import dev.jinju.graphql.GraphQL;
import dev.jinju.ingest.Batches;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.jinju.security.Session.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /api/export}: CSV and JSON lines of a search, with the search's filter and a telling file name. */
@QuarkusTest
class ExportResourceTest {
    static final Instant BASE = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

    void seed(String tag) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(Batches.event(BASE.plusSeconds(i), i < 2 ? "ERROR" : "INFO", tag + " row " + i + (i == 0 ? ", with \"quotes\"\nand a newline" : "")));
        }
        events.add(Batches.event(BASE.plusSeconds(10), "WARN", "=HYPERLINK(\"http://evil\") " + tag));
        Map<String, Object> batch = Batches.batch("shop", "dev", "shop-key-1", events);
        batch.put("batchId", "export-" + tag);
        GraphQL.post("mutation($b: IngestBatch!) { ingest(batch: $b) { accepted } }", Map.of("b", batch));
    }

    @Test
    void csvHasAHeaderAndOneRowPerEvent() {
        seed("exportcsv");
        String csv = given().queryParam("format", "csv").queryParam("groups", "/jinju/shop/dev")
                .queryParam("from", BASE.toString()).queryParam("to", BASE.plusSeconds(60).toString())
                .queryParam("query", "exportcsv")
                .get("/api/export").then().statusCode(200)
                .header("Content-Type", containsString("text/csv"))
                .header("Content-Disposition", containsString("jinju-shop-dev-"))
                .header("Content-Disposition", containsString(".csv"))
                .extract().asString();
        String[] lines = csv.split("\r\n");
        assertTrue(lines[0].startsWith("timestamp,level,type,code,message"), lines[0]);
        assertEquals(7, lines.length, "header + 6 rows (one holds a quoted newline, not a CRLF): " + csv);
        assertTrue(csv.contains("\"exportcsv row 0, with \"\"quotes\"\"\nand a newline\""), csv);
        assertTrue(csv.contains(",\"'=HYPERLINK"), "formulas are defused: " + csv);
    }

    @Test
    void jsonLinesFollowLevelsAndQuery() {
        seed("exportjsonl");
        String body = given().queryParam("format", "jsonl").queryParam("groups", "/jinju/shop/dev")
                .queryParam("from", BASE.toString()).queryParam("to", BASE.plusSeconds(60).toString())
                .queryParam("levels", "ERROR").queryParam("query", "exportjsonl")
                .get("/api/export").then().statusCode(200)
                .header("Content-Disposition", containsString(".jsonl")).extract().asString();
        String[] lines = body.split("\n");
        assertEquals(2, lines.length, body);
        assertTrue(lines[0].contains("\"level\":\"ERROR\""));
    }

    @Test
    void badParametersAre400WithTheReason() {
        seed("exportbad");
        given().queryParam("format", "xml").queryParam("groups", "/jinju/shop/dev").get("/api/export")
                .then().statusCode(400).body("error.message", containsString("csv or jsonl"));
        given().queryParam("groups", "/jinju/shop/dev").queryParam("from", "yesterday")
                .queryParam("to", BASE.toString()).get("/api/export")
                .then().statusCode(400).body("error.message", containsString("from 'yesterday'"));
        given().queryParam("groups", "/jinju/shop/dev").queryParam("from", BASE.toString())
                .queryParam("to", BASE.plusSeconds(5).toString()).queryParam("query", "(oops")
                .get("/api/export").then().statusCode(400).body("error.code", equalTo("BAD_FILTER"))
                .body("error.message", containsString("position"));
    }
}
