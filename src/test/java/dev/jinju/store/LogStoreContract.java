package dev.jinju.store;

import dev.jinju.event.Http;
import dev.jinju.event.Level;
import dev.jinju.event.LogEvent;
import dev.jinju.event.LogGroups;
import dev.jinju.event.User;
import dev.jinju.query.Query;
import dev.jinju.query.QueryParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The behaviour every {@link LogStore} must have. Each store's test extends this and says how to open a fresh,
 * empty store; the same events and queries must give the same results, in the same order, everywhere.
 */
public abstract class LogStoreContract {
    protected static final String SHOP_PROD = LogGroups.groupName("shop", "prod");
    protected static final String SHOP_DEV = LogGroups.groupName("shop", "dev");
    protected static final Instant T0 = Instant.now().minusSeconds(6 * 3600).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);

    protected LogStore store;

    /** A fresh, empty store. */
    protected abstract LogStore openStore() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = openStore();
    }

    @AfterEach
    void close() throws Exception {
        if (store instanceof AutoCloseable c) {
            c.close();
        }
    }

    protected static LogEvent event(String id, String group, Instant ts, Level level, String message) {
        return Events.event(id, group, ts, level, message, null);
    }

    /** A realistic mixed set: 120 events over 2 hours in two groups, with text, HTTP, users and extra. */
    protected static List<LogEvent> sample() {
        List<LogEvent> events = new ArrayList<>();
        String[] messages = {"payment failed for order 9", "결제가 실패했습니다", "user signed in",
                "TypeError: Cannot read properties of undefined", "slow response from checkout", "결제실패 id=4242"};
        for (int i = 0; i < 120; i++) {
            Level level = Level.values()[i % 6];
            Instant ts = T0.plusSeconds(i * 60L + (i % 7));
            LogEvent e = event("e" + i, i % 3 == 0 ? SHOP_DEV : SHOP_PROD, ts, level, messages[i % messages.length]);
            LogEvent.Builder b = e.toBuilder().type(i % 4 == 0 ? "http" : i % 4 == 1 ? "vue" : "error");
            if (i % 4 == 0) {
                b.http(new Http(i % 8 == 0 ? "GET" : "POST", 200 + (i % 5) * 100));
            }
            if (i % 5 == 0) {
                b.user(new User(String.valueOf(i % 3), "u" + i + "@example.com", "User " + i));
                b.stackTrace("at com.example.PaymentService.charge(PaymentService.java:" + i + ")");
            }
            if (i % 2 == 0) {
                b.url("https://shop.example.com/" + (i % 3 == 0 ? "checkout" : "cart") + "?n=" + i);
                b.extra(Map.of("orderId", i, "tags", List.of("a", "b")));
            }
            if (i % 4 == 1) {
                b.componentTrace(List.of("PayButton", "CheckoutForm", "App"));
            }
            events.add(b.build());
        }
        return events;
    }

    protected SearchScope scope(String query, Level... levels) {
        return new SearchScope(List.of(SHOP_PROD, SHOP_DEV), T0.minusSeconds(60), T0.plusSeconds(3 * 3600),
                levels.length == 0 ? Set.of() : Set.of(levels), QueryParser.parse(query));
    }

    protected List<LogEvent> searchAll(SearchScope scope, int pageSize) {
        List<LogEvent> all = new ArrayList<>();
        String cursor = null;
        do {
            SearchPage page = store.search(scope, pageSize, cursor);
            assertTrue(page.events().size() <= pageSize, "a page holds at most the asked size");
            all.addAll(page.events());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }

    protected static List<String> expected(List<LogEvent> appended, SearchScope scope) {
        return ExpectedResults.ids(appended, scope);
    }

    protected static List<String> ids(List<LogEvent> events) {
        return events.stream().map(LogEvent::id).toList();
    }

    @Test
    void appendedEventsComeBackNewestFirstWithEveryField() {
        List<LogEvent> sample = sample();
        store.append(sample);
        List<LogEvent> found = searchAll(scope(""), 1000);
        assertEquals(expected(sample, scope("")), ids(found));
        LogEvent original = sample.get(40);
        assertEquals(original, found.stream().filter(e -> e.id().equals("e40")).findFirst().orElseThrow());
        assertEquals(original, store.event("e40").orElseThrow());
    }

    @Test
    void reappendingTheSameIdsDoesNotDuplicate() {
        List<LogEvent> sample = sample();
        store.append(sample);
        store.append(sample.subList(0, 50));
        assertEquals(sample.size(), searchAll(scope(""), 1000).size());
        long histogramTotal = store.histogram(scope(""), 10).stream().mapToLong(HistogramBucket::total).sum();
        assertEquals(sample.size(), histogramTotal, "a retried batch must not count twice in the rollup either");
    }

    @Test
    void pagesJoinUpWithoutGapsOrRepeats() {
        List<LogEvent> sample = sample();
        store.append(sample);
        for (String q : List.of("", "level:>=warn", "payment", "!http.status:200")) {
            assertEquals(expected(sample, scope(q)), ids(searchAll(scope(q), 7)), q);
        }
    }

    @Test
    void queriesSelectWhatTheEvaluatorSelects() {
        List<LogEvent> sample = sample();
        store.append(sample);
        List<String> queries = List.of("level:error", "결제", "실패", "PaymentService", "pay*", "*Error",
                "\"payment failed\"", "http.status:>=500", "!type:vue", "user.id:1", "url:*checkout*",
                "(level:error OR level:fatal) has:stackTrace", "extra.orderId:12", "extra.orderId:>100",
                "component:CheckoutForm", "http.method:get", "type:[http,vue] -level:debug", "id=4242",
                "has:user.id !has:url", "timestamp:>" + T0.plusSeconds(3600).toString().replace("Z", ""));
        for (String q : queries) {
            assertEquals(expected(sample, scope(q)), ids(searchAll(scope(q), 50)), q);
        }
        assertEquals(expected(sample, scope("", Level.ERROR, Level.WARN)),
                ids(searchAll(scope("", Level.ERROR, Level.WARN), 50)));
    }

    @Test
    void groupsAndTimeRangeBoundTheSearch() {
        List<LogEvent> sample = sample();
        store.append(sample);
        Instant from = sample.get(10).timestamp();
        Instant to = sample.get(20).timestamp();
        SearchScope scope = new SearchScope(List.of(SHOP_PROD), from, to, Set.of(), new Query.All());
        List<LogEvent> found = searchAll(scope, 100);
        assertEquals(expected(sample, scope), ids(found));
        assertTrue(found.stream().allMatch(e -> e.group().equals(SHOP_PROD)));
        assertTrue(found.stream().noneMatch(e -> e.id().equals("e20")), "to is exclusive");
        assertTrue(found.stream().anyMatch(e -> e.id().equals("e10")), "from is inclusive");
    }

    @Test
    void histogramCountsEqualSearchCounts() {
        List<LogEvent> sample = sample();
        store.append(sample);
        for (String q : List.of("", "payment")) {
            SearchScope scope = scope(q);
            List<HistogramBucket> buckets = store.histogram(scope, 7);
            assertEquals(7, buckets.size());
            assertEquals(scope.from(), buckets.get(0).start());
            assertEquals(scope.to(), buckets.get(6).end());
            for (HistogramBucket b : buckets) {
                SearchScope slice = new SearchScope(scope.groups(), b.start(), b.end(), scope.levels(), scope.query());
                Map<Level, Long> byLevel = new EnumMap<>(Level.class);
                searchAll(slice, 1000).forEach(e -> byLevel.merge(e.level(), 1L, Long::sum));
                assertEquals(byLevel, b.counts(), q + " bucket " + b.start());
            }
        }
    }

    @Test
    void logGroupsListEveryGroupWithItsProjectAndEnvironment() {
        store.append(sample());
        assertEquals(List.of(new LogGroupInfo(SHOP_DEV, "shop", "dev"), new LogGroupInfo(SHOP_PROD, "shop", "prod")),
                store.logGroups().stream().sorted(Comparator.comparing(LogGroupInfo::name)).toList());
    }

    @Test
    void unknownEventIsEmptyAndEmptyStoreHasNoPages() {
        assertTrue(store.event("nope").isEmpty());
        SearchPage page = store.search(scope(""), 10, null);
        assertTrue(page.events().isEmpty());
        assertNull(page.nextCursor());
    }
}
