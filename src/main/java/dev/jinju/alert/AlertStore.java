package dev.jinju.alert;

import dev.jinju.event.Level;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Alert rules, their state, history and seen fingerprints, in tables of their own in the embedded store's SQLite
 * file (whichever store holds the events). The schema version lives in {@code alert_schema_version}, apart from
 * the event store's {@code PRAGMA user_version}.
 */
@ApplicationScoped
public class AlertStore {
    static final int SCHEMA_VERSION = 1;
    private static final String[] V1 = {
        "CREATE TABLE IF NOT EXISTS alert_rules (name TEXT PRIMARY KEY, source TEXT NOT NULL, project TEXT NOT NULL,"
            + " environment TEXT, groups_ TEXT NOT NULL, query TEXT NOT NULL, levels TEXT NOT NULL,"
            + " condition TEXT NOT NULL, threshold REAL NOT NULL, min_count INTEGER NOT NULL, window_ms INTEGER NOT NULL,"
            + " cooldown_ms INTEGER NOT NULL, channels TEXT NOT NULL, enabled INTEGER NOT NULL,"
            + " created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)",
        "CREATE TABLE IF NOT EXISTS alert_state (rule TEXT PRIMARY KEY, firing INTEGER NOT NULL, last_fired_at INTEGER,"
            + " baseline_at INTEGER, last_evaluated_at INTEGER, last_count INTEGER)",
        "CREATE TABLE IF NOT EXISTS alert_history (id INTEGER PRIMARY KEY AUTOINCREMENT, rule TEXT NOT NULL,"
            + " at INTEGER NOT NULL, kind TEXT NOT NULL, count INTEGER, message TEXT, fingerprint TEXT, channel TEXT,"
            + " detail TEXT)",
        "CREATE INDEX IF NOT EXISTS alert_history_rule ON alert_history(rule, id)",
        "CREATE TABLE IF NOT EXISTS alert_rule_fingerprints (rule TEXT NOT NULL, fingerprint TEXT NOT NULL,"
            + " PRIMARY KEY (rule, fingerprint)) WITHOUT ROWID",
        "CREATE TABLE IF NOT EXISTS alert_fingerprints (project TEXT NOT NULL, environment TEXT NOT NULL,"
            + " fingerprint TEXT NOT NULL, first_seen INTEGER NOT NULL, last_seen INTEGER NOT NULL,"
            + " count INTEGER NOT NULL, message TEXT, PRIMARY KEY (project, environment, fingerprint)) WITHOUT ROWID",
    };

    private final AgroalDataSource dataSource;
    private volatile boolean migrated;

    public AlertStore(AgroalDataSource dataSource, dev.jinju.project.CoreConfig core) {
        this.dataSource = dataSource;
        try {
            // The alert tables live in the local SQLite file even when events are in CloudWatch.
            java.nio.file.Files.createDirectories(java.nio.file.Path.of(core.dataDir()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create jinju.data-dir " + core.dataDir() + ": " + e.getMessage(), e);
        }
    }

    private Connection connection() throws SQLException {
        Connection c = dataSource.getConnection();
        if (!migrated) {
            synchronized (this) {
                if (!migrated) {
                    migrate(c);
                    migrated = true;
                }
            }
        }
        return c;
    }

    static void migrate(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS alert_schema_version (version INTEGER NOT NULL)");
            int version = 0;
            try (ResultSet rs = s.executeQuery("SELECT max(version) FROM alert_schema_version")) {
                if (rs.next()) {
                    version = rs.getInt(1);
                }
            }
            if (version > SCHEMA_VERSION) {
                throw new IllegalStateException("the alert tables are of a newer Jinju (schema " + version + ")");
            }
            if (version < 1) {
                for (String sql : V1) {
                    s.execute(sql);
                }
                s.execute("INSERT INTO alert_schema_version(version) VALUES (1)");
            }
        }
    }

    private static AlertStoreException fail(String what, SQLException e) {
        return new AlertStoreException("alert store: cannot " + what + ": " + e.getMessage(), e);
    }

    /** The alert tables could not be read or written. */
    public static class AlertStoreException extends RuntimeException {
        AlertStoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    // ---------------------------------------------------------------- rules

    public List<AlertRule> rules() {
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM alert_rules ORDER BY name")) {
            List<AlertRule> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rule(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw fail("list rules", e);
        }
    }

    public Optional<AlertRule> rule(String name) {
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM alert_rules WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rule(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw fail("read rule " + name, e);
        }
    }

    /** Inserts or replaces the rule. */
    public void save(AlertRule r) {
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(
                "INSERT OR REPLACE INTO alert_rules(name, source, project, environment, groups_, query, levels, condition,"
                        + " threshold, min_count, window_ms, cooldown_ms, channels, enabled, created_at, updated_at)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, r.name());
            ps.setString(2, r.source().name());
            ps.setString(3, r.project());
            ps.setString(4, r.environment());
            ps.setString(5, String.join("\n", r.groups()));
            ps.setString(6, r.query());
            ps.setString(7, String.join(",", r.levels().stream().sorted().map(Level::name).toList()));
            ps.setString(8, r.condition().name());
            ps.setDouble(9, r.threshold());
            ps.setLong(10, r.minCount());
            ps.setLong(11, r.window().toMillis());
            ps.setLong(12, r.cooldown().toMillis());
            ps.setString(13, String.join("\n", r.channels()));
            ps.setInt(14, r.enabled() ? 1 : 0);
            ps.setLong(15, r.createdAt().toEpochMilli());
            ps.setLong(16, r.updatedAt().toEpochMilli());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw fail("save rule " + r.name(), e);
        }
    }

    private static AlertRule rule(ResultSet rs) throws SQLException {
        Set<Level> levels = EnumSet.noneOf(Level.class);
        for (String l : split(rs.getString("levels"), ",")) {
            levels.add(Level.valueOf(l));
        }
        return new AlertRule(rs.getString("name"), AlertRule.Source.valueOf(rs.getString("source")),
                rs.getString("project"), rs.getString("environment"), split(rs.getString("groups_"), "\n"),
                rs.getString("query"), levels, AlertCondition.valueOf(rs.getString("condition")),
                rs.getDouble("threshold"), rs.getLong("min_count"), Duration.ofMillis(rs.getLong("window_ms")),
                Duration.ofMillis(rs.getLong("cooldown_ms")), split(rs.getString("channels"), "\n"),
                rs.getInt("enabled") != 0, Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("updated_at")));
    }

    private static List<String> split(String s, String sep) {
        return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split(sep));
    }

    // ---------------------------------------------------------------- state

    public RuleState state(String rule) {
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT firing, last_fired_at, baseline_at, last_evaluated_at, last_count FROM alert_state WHERE rule = ?")) {
            ps.setString(1, rule);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return RuleState.NEW;
                }
                return new RuleState(rs.getInt(1) != 0, instant(rs, 2), instant(rs, 3), instant(rs, 4),
                        rs.getObject(5) == null ? null : rs.getLong(5));
            }
        } catch (SQLException e) {
            throw fail("read the state of " + rule, e);
        }
    }

    public void saveState(String rule, RuleState s) {
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(
                "INSERT OR REPLACE INTO alert_state(rule, firing, last_fired_at, baseline_at, last_evaluated_at, last_count)"
                        + " VALUES (?,?,?,?,?,?)")) {
            ps.setString(1, rule);
            ps.setInt(2, s.firing() ? 1 : 0);
            setInstant(ps, 3, s.lastFiredAt());
            setInstant(ps, 4, s.baselineAt());
            setInstant(ps, 5, s.lastEvaluatedAt());
            if (s.lastCount() == null) {
                ps.setNull(6, Types.INTEGER);
            } else {
                ps.setLong(6, s.lastCount());
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw fail("save the state of " + rule, e);
        }
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static void setInstant(PreparedStatement ps, int col, Instant v) throws SQLException {
        if (v == null) {
            ps.setNull(col, Types.INTEGER);
        } else {
            ps.setLong(col, v.toEpochMilli());
        }
    }

    // ---------------------------------------------------------------- history

    public long record(String rule, Instant at, AlertHistoryEntry.Kind kind, Long count, String message,
                       String fingerprint, String channel, String detail) {
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO alert_history(rule, at, kind, count, message, fingerprint, channel, detail)"
                        + " VALUES (?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, rule);
            ps.setLong(2, at.toEpochMilli());
            ps.setString(3, kind.name());
            if (count == null) {
                ps.setNull(4, Types.INTEGER);
            } else {
                ps.setLong(4, count);
            }
            ps.setString(5, clip(message, 2000));
            ps.setString(6, fingerprint);
            ps.setString(7, channel);
            ps.setString(8, clip(detail, 2000));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                return keys.next() ? keys.getLong(1) : -1;
            }
        } catch (SQLException e) {
            throw fail("record history of " + rule, e);
        }
    }

    /** Newest first; {@code rule} null for every rule; {@code before} an id to page backwards from (exclusive). */
    public List<AlertHistoryEntry> history(String rule, int limit, Long before) {
        StringBuilder sql = new StringBuilder("SELECT id, rule, at, kind, count, message, fingerprint, channel, detail"
                + " FROM alert_history WHERE 1=1");
        if (rule != null) {
            sql.append(" AND rule = ?");
        }
        if (before != null) {
            sql.append(" AND id < ?");
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            if (rule != null) {
                ps.setString(i++, rule);
            }
            if (before != null) {
                ps.setLong(i++, before);
            }
            ps.setInt(i, limit);
            List<AlertHistoryEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AlertHistoryEntry(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                            AlertHistoryEntry.Kind.valueOf(rs.getString(4)),
                            rs.getObject(5) == null ? null : rs.getLong(5), rs.getString(6), rs.getString(7),
                            rs.getString(8), rs.getString(9)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw fail("read history", e);
        }
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max) + "…";
    }

    // ---------------------------------------------------------------- fingerprints

    /** Adds fingerprints to the set a rule knows; answers those that were not in it before. */
    public List<String> learn(String rule, Collection<String> fingerprints) {
        List<String> added = new ArrayList<>();
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(
                "INSERT OR IGNORE INTO alert_rule_fingerprints(rule, fingerprint) VALUES (?,?)")) {
            for (String f : fingerprints) {
                ps.setString(1, rule);
                ps.setString(2, f);
                if (ps.executeUpdate() > 0) {
                    added.add(f);
                }
            }
            return added;
        } catch (SQLException e) {
            throw fail("record fingerprints of " + rule, e);
        }
    }

    /**
     * Records sightings of a fingerprint: {@code times} are the occurrence times found in one scan. Only those
     * after the stored last-seen count, so overlapping scans do not count an event twice.
     */
    public void sighted(String project, String environment, String fingerprint, List<Instant> times, String message) {
        if (times.isEmpty()) {
            return;
        }
        environment = environment == null ? "" : environment;
        try (Connection c = connection()) {
            Long lastSeen = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT last_seen FROM alert_fingerprints"
                    + " WHERE project = ? AND environment = ? AND fingerprint = ?")) {
                ps.setString(1, project);
                ps.setString(2, environment);
                ps.setString(3, fingerprint);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        lastSeen = rs.getLong(1);
                    }
                }
            }
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            long fresh = 0;
            for (Instant t : times) {
                long ms = t.toEpochMilli();
                min = Math.min(min, ms);
                max = Math.max(max, ms);
                if (lastSeen == null || ms > lastSeen) {
                    fresh++;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO alert_fingerprints(project, environment,"
                    + " fingerprint, first_seen, last_seen, count, message) VALUES (?,?,?,?,?,?,?)"
                    + " ON CONFLICT(project, environment, fingerprint) DO UPDATE SET"
                    + " first_seen = min(first_seen, excluded.first_seen), last_seen = max(last_seen, excluded.last_seen),"
                    + " count = count + excluded.count")) {
                ps.setString(1, project);
                ps.setString(2, environment);
                ps.setString(3, fingerprint);
                ps.setLong(4, min);
                ps.setLong(5, max);
                ps.setLong(6, fresh);
                ps.setString(7, clip(message, 500));
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw fail("record fingerprint " + fingerprint, e);
        }
    }

    public List<FingerprintInfo> fingerprints(String project, String environment, int limit) {
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT project, environment, fingerprint, first_seen, last_seen, count, message FROM alert_fingerprints"
                        + " WHERE project = ? AND environment = ? ORDER BY last_seen DESC LIMIT ?")) {
            ps.setString(1, project);
            ps.setString(2, environment == null ? "" : environment);
            ps.setInt(3, limit);
            List<FingerprintInfo> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new FingerprintInfo(rs.getString(1), rs.getString(2), rs.getString(3),
                            Instant.ofEpochMilli(rs.getLong(4)), Instant.ofEpochMilli(rs.getLong(5)), rs.getLong(6),
                            rs.getString(7)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw fail("read fingerprints", e);
        }
    }
}
