package dev.jinju.store.sqlite;

import java.util.List;

/**
 * A WHERE-clause fragment compiled from a query tree. When {@code exact} is false the fragment selects a
 * superset of the matching rows and the caller applies the evaluator to what it returns.
 */
record SqlPredicate(String sql, List<Object> params, boolean exact) {
    static final SqlPredicate TRUE_EXACT = new SqlPredicate("1", List.of(), true);
    static final SqlPredicate TRUE_SUPERSET = new SqlPredicate("1", List.of(), false);

    SqlPredicate {
        params = List.copyOf(params);
    }
}
