package dev.jinju.search;

import dev.jinju.event.Level;
import dev.jinju.event.LogEvent;
import dev.jinju.query.Query;
import dev.jinju.query.QueryParser;
import dev.jinju.query.QueryPrinter;
import dev.jinju.query.QuerySyntaxException;
import dev.jinju.search.SearchException.Code;
import dev.jinju.store.HistogramBucket;
import dev.jinju.store.LogGroupInfo;
import dev.jinju.store.LogStore;
import dev.jinju.store.SearchPage;
import dev.jinju.store.SearchScope;
import dev.jinju.store.StoreException;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Validates search requests, parses their query, and pages through the store with cursors bound to the search. */
@ApplicationScoped
public class SearchService {
    public static final int MAX_PAGE = 1_000;
    public static final int MAX_BUCKETS = 1_000;
    public static final int MAX_GROUPS = 100;

    private final LogStore store;

    @jakarta.inject.Inject
    dev.jinju.selfmonitor.JinjuMetrics metrics;

    public SearchService(LogStore store) {
        this.store = store;
    }

    /** One page of results; {@code cursors} holds each event's cursor, {@code endCursor} null on the last page. */
    public record Page(List<LogEvent> events, List<String> cursors, boolean hasNextPage, String endCursor) {
    }

    public SearchScope scope(List<String> groups, Instant from, Instant to, Collection<Level> levels, String query) {
        if (groups == null || groups.isEmpty()) {
            throw new SearchException(Code.BAD_FILTER, "groups must name at least one log group", null);
        }
        if (groups.size() > MAX_GROUPS) {
            throw new SearchException(Code.BAD_FILTER, "at most " + MAX_GROUPS + " groups may be searched at once", null);
        }
        if (from == null || to == null) {
            throw new SearchException(Code.BAD_FILTER, "from and to are required", null);
        }
        if (!from.isBefore(to)) {
            throw new SearchException(Code.BAD_FILTER, "from (" + from + ") must be before to (" + to + ")", null);
        }
        Set<String> known = new TreeSet<>();
        store.logGroups().forEach(g -> known.add(g.name()));
        for (String g : groups) {
            if (!known.contains(g)) {
                throw new SearchException(Code.UNKNOWN_GROUP, "unknown log group '" + g + "'", null);
            }
        }
        Query parsed;
        try {
            parsed = QueryParser.parse(query == null ? "" : query);
        } catch (QuerySyntaxException e) {
            throw new SearchException(Code.BAD_QUERY, e.getMessage(), e.position());
        }
        return new SearchScope(new ArrayList<>(new TreeSet<>(groups)), from, to,
                levels == null ? Set.of() : Set.copyOf(levels), parsed);
    }

    public Page search(SearchScope scope, int first, String after) {
        if (first < 1 || first > MAX_PAGE) {
            throw new SearchException(Code.BAD_FILTER, "first must be between 1 and " + MAX_PAGE, null);
        }
        String hash = hash(scope);
        PageCursor start = after == null ? new PageCursor(hash, null, 0) : PageCursor.decode(after);
        if (!start.scopeHash().equals(hash)) {
            throw new SearchException(Code.BAD_CURSOR, "'after' is a cursor of another search (different groups, "
                    + "range, levels or query)", null);
        }
        SearchPage page;
        try {
            page = metrics.timeRead("search", () -> store.search(scope, first + start.skip(), start.storeCursor()));
        } catch (StoreException e) {
            if (after != null) {
                throw new SearchException(Code.BAD_CURSOR, e.getMessage(), null);
            }
            throw e;
        }
        List<LogEvent> events = page.events().subList(Math.min(start.skip(), page.events().size()), page.events().size());
        List<String> cursors = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            boolean last = i == events.size() - 1;
            cursors.add(last && page.nextCursor() != null
                    ? new PageCursor(hash, page.nextCursor(), 0).encode()
                    : new PageCursor(hash, start.storeCursor(), start.skip() + i + 1).encode());
        }
        boolean more = page.nextCursor() != null;
        return new Page(events, cursors, more, more && !cursors.isEmpty() ? cursors.get(cursors.size() - 1) : null);
    }

    public List<HistogramBucket> histogram(SearchScope scope, int buckets) {
        if (buckets < 1 || buckets > MAX_BUCKETS) {
            throw new SearchException(Code.BAD_FILTER, "buckets must be between 1 and " + MAX_BUCKETS, null);
        }
        return metrics.timeRead("histogram", () -> store.histogram(scope, buckets));
    }

    public Optional<LogEvent> event(String id) {
        return id == null || id.length() > 128 ? Optional.empty() : store.event(id);
    }

    public List<LogGroupInfo> logGroups() {
        return store.logGroups();
    }

    private static String hash(SearchScope scope) {
        String key = String.join(",", scope.groups()) + "|" + scope.from() + "|" + scope.to() + "|"
                + new TreeSet<>(scope.levels()) + "|" + QueryPrinter.print(scope.query());
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
