package dev.jinju.query;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jinju.event.Http;
import dev.jinju.event.Level;
import dev.jinju.event.LogEvent;
import dev.jinju.event.User;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The in-memory evaluator, which defines what a query means, over sample events in English and Korean. */
class QueryEvaluatorTest {

    private static final LogEvent PAYMENT = LogEvent.builder()
            .timestamp(Instant.parse("2026-11-26T10:15:30.250Z"))
            .level(Level.ERROR)
            .type("http")
            .code("E101")
            .message("결제가 실패했습니다: failed to connect (id=4242) TypeError")
            .stackTrace("java.lang.IllegalStateException\n\tat com.example.PaymentService.charge(PaymentService.java:42)")
            .url("https://shop.example.com/checkout?step=2")
            .componentTrace(List.of("PaymentForm", "CheckoutPage", "App"))
            .http(new Http("POST", 503))
            .user(new User("42", "kim@example.com", "김철수"))
            .source("browser")
            .extra(Map.of("orderId", 9, "order", Map.of("total", 9.5, "items", List.of(Map.of("sku", "A-1"))),
                    "tags", List.of("vip", "new"), "flag", false, "empty", "", "none", List.of(), "obj", Map.of(),
                    "price", 10.0, "text9", "9"))
            .build();

    private static final LogEvent KOREAN_COMPOUND = LogEvent.builder().level(Level.WARN)
            .message("주문 결제실패 알림").build();

    private static boolean m(String query, LogEvent e) {
        return QueryEvaluator.matches(QueryParser.parse(query), e);
    }

    private static void yes(String query) {
        assertTrue(m(query, PAYMENT), query);
    }

    private static void no(String query) {
        assertFalse(m(query, PAYMENT), query);
    }

    @Test
    void koreanIsMatchedByBigrams() {
        yes("결제");
        yes("실패");
        yes("결제가");
        yes("\"결제가 실패\"");
        assertTrue(m("실패", KOREAN_COMPOUND));
        assertTrue(m("결제실패", KOREAN_COMPOUND));
        assertTrue(m("결제", KOREAN_COMPOUND));
        assertFalse(m("실패했습니다", KOREAN_COMPOUND));
        no("결제실패");
    }

    @Test
    void identifiersSplitAtSeparators() {
        yes("PaymentService");
        yes("paymentservice");
        yes("charge");
        yes("PaymentService.charge");
        yes("com.example.PaymentService");
        yes("id=4242");
        yes("4242");
        no("PaymentService.refund");
        no("charge.example");
    }

    @Test
    void wildcardsInFreeTerms() {
        yes("pay*");
        yes("PAY*");
        yes("*Error");
        yes("*error");
        yes("con*ect");
        yes("com.exam*");
        no("zzz*");
        no("*Warning");
        yes("*Exception");
        yes("*STATEexcep*");
    }

    @Test
    void phrasesAndCase() {
        yes("\"failed to connect\"");
        yes("\"FAILED TO CONNECT\"");
        no("\"connect to failed\"");
        yes("TYPEERROR");
        no("\"payment failed\"");
        no("...");
        yes("!...");
    }

    @Test
    void fieldEqualityIsCaseSensitiveExceptLevelAndMethod() {
        yes("type:http");
        no("type:HTTP");
        yes("code:E101");
        no("code:e101");
        yes("level:error");
        yes("level:ERROR");
        yes("level:Exception");
        yes("level:40");
        yes("level:e*");
        no("level:warn");
        yes("http.method:post");
        yes("http.method:P*");
        no("http.method:get");
        yes("user.name:김철수");
        yes("user.id:42");
        no("user.id:4");
        yes("source:browser");
    }

    @Test
    void wildcardsOverWholeValues() {
        yes("url:*checkout*");
        yes("url:https://*");
        no("url:checkout");
        no("url:*checkout");
        yes("user.email:*@example.com");
        yes("message:*실패*");
        no("message:실패");
    }

    @Test
    void componentMatchesAnyEntry() {
        yes("component:CheckoutPage");
        yes("component:App");
        yes("component:*Form");
        no("component:Checkout");
    }

    @Test
    void httpStatus() {
        yes("http.status:503");
        yes("http.status:5*");
        yes("http.status:[404,503]");
        yes("http.status:>=500");
        yes("http.status:>502");
        no("http.status:>503");
        yes("http.status:<=503");
        no("http.status:<500");
        assertFalse(m("http.status:>=0", LogEvent.builder().build()));
    }

    @Test
    void extraValues() {
        yes("extra.orderId:9");
        yes("extra.orderId:\"9\"");
        yes("extra.text9:9");
        yes("extra.price:10");
        no("extra.price:10.0");
        yes("extra.order.total:9.5");
        yes("extra.order.total:>9");
        yes("extra.order.total:<=9.5");
        no("extra.order.total:>9.5");
        yes("extra.orderId:>=9");
        yes("extra.orderId:<9.01");
        no("extra.text9:>=9");
        no("extra.orderId:>abc");
        yes("extra.tags:vip");
        yes("extra.tags:[old,new]");
        yes("extra.flag:false");
        yes("extra.order.items.0.sku:A-1");
        no("extra.order.items.1.sku:A-1");
        no("extra.missing:*");
        yes("extra.orderId:*");
    }

    @Test
    void has() {
        yes("has:stackTrace");
        yes("has:component");
        yes("has:http.status");
        yes("has:extra.orderId");
        yes("has:extra.flag");
        yes("has:extra.order");
        no("has:extra.empty");
        no("has:extra.none");
        no("has:extra.obj");
        no("has:extra.missing");
        no("has:release");
        LogEvent empty = LogEvent.builder().message("").componentTrace(List.of()).build();
        assertFalse(m("has:message", empty));
        assertFalse(m("has:component", empty));
        assertFalse(m("has:level", empty));
        assertFalse(m("has:timestamp", empty));
    }

    @Test
    void timestampsCompareAsInstants() {
        yes("timestamp:>2026-11-26T10:00");
        yes("timestamp:>=2026-11-26");
        no("timestamp:>=2026-11-27");
        yes("timestamp:<2026-11-26T19:16+09:00");
        no("timestamp:<2026-11-26T19:15+09:00");
        yes("timestamp:>2026-11-26T10:15:30.249Z");
        no("timestamp:>2026-11-26T10:15:30.250Z");
        yes("timestamp:2026-11-26T10:15:30.25Z");
        yes("timestamp:2026-11-26T19:15:30.250+09:00");
        no("timestamp:2026-11-26T10:15:30");
    }

    @Test
    void levelComparesBySeverity() {
        yes("level:>=warn");
        yes("level:>=WARNING");
        yes("level:>info");
        yes("level:<fatal");
        no("level:>=critical");
        assertFalse(m("level:>=warn", LogEvent.builder().level(Level.INFO).build()));
        assertFalse(m("level:<=fatal", LogEvent.builder().build()));
    }

    @Test
    void booleanStructure() {
        yes("");
        yes("결제 PaymentService");
        no("결제 nothere");
        yes("결제 OR nothere");
        yes("nothere OR (결제 code:E101)");
        no("nothere OR (결제 code:E102)");
        yes("!type:vue");
        no("-type:http");
        yes("-(type:vue OR code:E102)");
        no("!(type:vue OR code:E101)");
        yes("(code:E101 OR code:E102) has:stackTrace extra.orderId:9 level:error http.status:>=500 !type:vue");
        assertTrue(m("!type:vue", LogEvent.builder().build()));
    }

    @Test
    void eventWithoutTextMatchesNoTerm() {
        LogEvent bare = LogEvent.builder().level(Level.INFO).build();
        assertFalse(m("anything", bare));
        assertFalse(m("*", bare));
        assertTrue(m("-anything", bare));
    }
}
