package dev.jinju.ingest.scrub;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The golden corpus (src/test/resources/scrub/golden.tsv): 0 leaks, exact output. */
class ScrubRulesTest {
    static final ScrubRules RULES = ScrubRules.defaults();

    static Stream<Arguments> golden() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        try (InputStream in = ScrubRulesTest.class.getResourceAsStream("/scrub/golden.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] p = line.split("\t");
                    cases.add(Arguments.of(p[0], p[1]));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("golden")
    void goldenCase(String input, String expected) {
        assertEquals(expected, RULES.text(input));
        assertEquals(expected, RULES.text(RULES.text(input)), "idempotent");
    }

    @Test
    void sensitiveKeysInExtraAnyDepthAndHeaderLists() {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("orderId", 9917);
        extra.put("password", "hunter2");
        extra.put("user", Map.of("name", "bob", "api_key", "k-123", "authToken", 42));
        extra.put("headers", Map.of("Authorization", "Bearer abcdefgh1234", "Cookie", "a=b", "Accept", "*/*"));
        extra.put("headerList", List.of(List.of("Set-Cookie", "sid=1"), List.of("Content-Type", "text/html")));
        extra.put("SESSION-ID", "xyz");
        extra.put("credentials", Map.of("user", "u", "pass", "p"));
        extra.put("authEnabled", true);
        extra.put("note", "card 4111111111111111");
        Map<String, Object> out = RULES.map(extra);
        assertEquals(9917, out.get("orderId"));
        assertEquals("[Filtered:password]", out.get("password"));
        assertEquals(Map.of("name", "bob", "api_key", "[Filtered:apikey]", "authToken", "[Filtered:token]"), out.get("user"));
        @SuppressWarnings("unchecked")
        Map<String, Object> headers = (Map<String, Object>) out.get("headers");
        assertEquals("[Filtered:auth]", headers.get("Authorization"));
        assertEquals("[Filtered:cookie]", headers.get("Cookie"));
        assertEquals("*/*", headers.get("Accept"));
        assertEquals(List.of(List.of("Set-Cookie", "[Filtered:cookie]"), List.of("Content-Type", "text/html")), out.get("headerList"));
        assertEquals("[Filtered:session]", out.get("SESSION-ID"));
        assertEquals("[Filtered:credential]", out.get("credentials"));
        assertEquals(true, out.get("authEnabled"));
        assertEquals("card [Filtered:card]", out.get("note"));
        assertEquals(out, RULES.map(out), "idempotent");
        assertFalse(out.toString().contains("hunter2") || out.toString().contains("4111"));
    }

    @Test
    void emailAndIpMaskingAreOptInAndKeysConfigurable() {
        ScrubRules r = new ScrubRules(List.of("orderId"), List.of("author"), true, true);
        assertEquals("user [Filtered:email] from [Filtered:ip]", r.text("user bob.smith+x@example.co.kr from 10.1.2.3"));
        assertEquals("version 1.2.3.4.5 stays", r.text("version 1.2.3.4.5 stays"));
        assertEquals("[Filtered:orderid]", r.value("orderId", 9));
        assertEquals("bob", r.value("author", "bob"));
        assertEquals("[Filtered:auth]", RULES.value("author", "bob"), "auth matches by default, as in Sentry");
    }

    @Test
    void pathologicalInputsDoNotBacktrack() {
        List<String> inputs = List.of("a.".repeat(60_000), "token".repeat(25_000), "x://".repeat(30_000),
                "4 ".repeat(60_000), "a@".repeat(60_000), "1.".repeat(60_000), "\"password\": \"".repeat(10_000),
                "authorization: ".repeat(8_000), "bearer ".repeat(18_000));
        ScrubRules all = new ScrubRules(List.of(), List.of(), true, true);
        for (String in : inputs) {
            assertTimeoutPreemptively(java.time.Duration.ofSeconds(5), () -> all.text(in), in.substring(0, 20));
        }
    }
}
