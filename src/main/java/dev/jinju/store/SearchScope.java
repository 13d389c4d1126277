package dev.jinju.store;

import dev.jinju.event.Level;
import dev.jinju.query.Query;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What a search looks at: log groups, a time range ({@code from} inclusive, {@code to} exclusive),
 * optional levels (empty means all) and a query tree.
 */
public record SearchScope(List<String> groups, Instant from, Instant to, Set<Level> levels, Query query) {
    public SearchScope {
        groups = List.copyOf(groups);
        levels = levels == null ? Set.of() : Set.copyOf(levels);
        query = query == null ? new Query.All() : query;
    }

    public boolean levelAllowed(Level level) {
        return levels.isEmpty() || levels.contains(level);
    }
}
