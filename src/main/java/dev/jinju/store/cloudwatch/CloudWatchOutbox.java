package dev.jinju.store.cloudwatch;

import dev.jinju.store.StoreException;
import dev.jinju.store.sqlite.SqliteNativeLibrary;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The CloudWatch store's local durable outbox (issue #7 item 12): events acknowledged while CloudWatch Logs was
 * unreachable or throttling beyond the writer's retries, kept in a SQLite file ({@code journal_mode=WAL},
 * {@code synchronous=FULL}, so a committed {@link #add} survives a crash) until the store's drainer delivered them.
 * Rows are numbered by {@code seq} in the order they were added; the drainer delivers them in that order per
 * stream and deletes them only after PutLogEvents accepted them. Bounded by {@code maxEvents}: an {@link #add}
 * that would go beyond it adds nothing and throws.
 */
public final class CloudWatchOutbox implements AutoCloseable {

    /** One outbox row: the stored event's id, its group and hourly stream, timestamp and {@link EventMessages} JSON. */
    public record Row(long seq, String id, String group, String stream, long timestamp, String message) {
    }

    private final Path file;
    private final long maxEvents;
    private final Duration drainInterval;
    private final Connection connection;
    private volatile long depth;

    /**
     * Opens (creating if missing) the outbox at {@code file}.
     *
     * @param maxEvents     rows kept at most
     * @param drainInterval how often the store's drainer tries to deliver the rows
     */
    public CloudWatchOutbox(Path file, long maxEvents, Duration drainInterval) {
        if (maxEvents <= 0) {
            throw new IllegalArgumentException("outbox max-events must be positive");
        }
        this.file = file;
        this.maxEvents = maxEvents;
        this.drainInterval = drainInterval;
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            SqliteNativeLibrary.load(); // no-op once StoreProducer loaded it at start
            SQLiteDataSource ds = new SQLiteDataSource();
            ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath() + "?journal_mode=WAL&synchronous=FULL&busy_timeout=10000");
            connection = ds.getConnection();
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("CREATE TABLE IF NOT EXISTS outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, "
                        + "id TEXT NOT NULL, grp TEXT NOT NULL, stream TEXT NOT NULL, ts INTEGER NOT NULL, "
                        + "message TEXT NOT NULL)");
                s.execute("CREATE INDEX IF NOT EXISTS outbox_grp_ts ON outbox (grp, ts)");
                s.execute("CREATE INDEX IF NOT EXISTS outbox_id ON outbox (id)");
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM outbox")) {
                    rs.next();
                    depth = rs.getLong(1);
                }
            }
        } catch (SQLException | IOException e) {
            throw new StoreException("cannot open the CloudWatch outbox " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    public long maxEvents() {
        return maxEvents;
    }

    public Duration drainInterval() {
        return drainInterval;
    }

    /** Rows waiting for delivery. */
    public long depth() {
        return depth;
    }

    /**
     * Adds the rows (their {@code seq} is ignored) in one transaction, durable when this returns. Throws a
     * {@link StoreException} and adds none when the outbox would hold more than {@code maxEvents} rows.
     */
    public synchronized void add(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (depth + rows.size() > maxEvents) {
            throw new StoreException("CloudWatch Logs is unavailable and the local outbox is full (" + depth
                    + " of " + maxEvents + " events waiting, jinju.cloudwatch.outbox.max-events): "
                    + rows.size() + " events not stored");
        }
        inTransaction("write", () -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO outbox (id, grp, stream, ts, message) VALUES (?, ?, ?, ?, ?)")) {
                for (Row r : rows) {
                    ps.setString(1, r.id());
                    ps.setString(2, r.group());
                    ps.setString(3, r.stream());
                    ps.setLong(4, r.timestamp());
                    ps.setString(5, r.message());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
        depth += rows.size();
    }

    /** The oldest {@code limit} rows, by seq. */
    public synchronized List<Row> oldest(int limit) {
        return query("SELECT seq, id, grp, stream, ts, message FROM outbox ORDER BY seq LIMIT ?",
                ps -> ps.setInt(1, limit));
    }

    /** Rows of {@code group} with a timestamp in [from, to), by seq. */
    public List<Row> inRange(String group, long from, long to) {
        if (depth == 0) {
            return List.of();
        }
        synchronized (this) {
            return query("SELECT seq, id, grp, stream, ts, message FROM outbox WHERE grp = ? AND ts >= ? AND ts < ? "
                    + "ORDER BY seq", ps -> {
                ps.setString(1, group);
                ps.setLong(2, from);
                ps.setLong(3, to);
            });
        }
    }

    /** The newest row of an event id, if it is still waiting. */
    public Optional<Row> byId(String id) {
        if (depth == 0) {
            return Optional.empty();
        }
        synchronized (this) {
            List<Row> rows = query("SELECT seq, id, grp, stream, ts, message FROM outbox WHERE id = ? "
                    + "ORDER BY seq DESC LIMIT 1", ps -> ps.setString(1, id));
            return rows.stream().findFirst();
        }
    }

    /** The distinct log groups with waiting rows. */
    public synchronized List<String> groups() {
        if (depth == 0) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT DISTINCT grp FROM outbox")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the CloudWatch outbox " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** Deletes delivered rows by seq, in one transaction. */
    public synchronized void delete(Collection<Long> seqs) {
        if (seqs.isEmpty()) {
            return;
        }
        int deleted = inTransaction("delete from", () -> {
            int n = 0;
            try (PreparedStatement ps = connection.prepareStatement("DELETE FROM outbox WHERE seq = ?")) {
                for (long seq : seqs) {
                    ps.setLong(1, seq);
                    ps.addBatch();
                }
                for (int c : ps.executeBatch()) {
                    n += Math.max(c, 0);
                }
            }
            return n;
        });
        depth = Math.max(0, depth - deleted);
    }

    /** Work done inside one transaction on the outbox connection. */
    private interface Work<T> {
        T run() throws SQLException;
    }

    /** Runs {@code work} in one transaction: committed whole, or rolled back and reported as a StoreException. */
    private <T> T inTransaction(String what, Work<T> work) {
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run();
                connection.commit();
                return result;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot " + what + " the CloudWatch outbox " + file + ": " + e.getMessage(), e);
        }
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<Row> query(String sql, Binder binder) {
        List<Row> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                            rs.getString(6)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the CloudWatch outbox " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing: nothing to do
        }
    }
}
