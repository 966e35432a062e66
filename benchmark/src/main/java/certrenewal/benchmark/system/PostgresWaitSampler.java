package certrenewal.benchmark.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Samples what the database's busy sessions are waiting for (pg_stat_activity), so that a queue on
 * one lock shows as such; statements on the audit trail's tables are labelled (the business
 * transactions' appends to audit_pending, the sealer's lock on audit_head).
 */
public final class PostgresWaitSampler implements AutoCloseable {
    private static final long PERIOD_MILLIS = 20;
    private static final String SAMPLE = """
            SELECT COALESCE(wait_event_type, 'CPU') || ':' || COALESCE(wait_event, 'running')
                   || CASE WHEN query ILIKE '%audit_head%' THEN ' on audit_head (sealer)'
                           WHEN query ILIKE '%audit_pending%' THEN ' on audit_pending' ELSE '' END,
                   COUNT(*)
              FROM pg_stat_activity
             WHERE datname = ? AND state = 'active' AND pid <> pg_backend_pid()
             GROUP BY 1""";

    private final Connection connection;
    private final String database;
    private final Map<String, Long> sessionsByWait = new ConcurrentHashMap<>();
    private final AtomicInteger samples = new AtomicInteger();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    public PostgresWaitSampler(Postgres postgres) {
        try {
            this.connection = postgres.connect("public");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to sample waits", e);
        }
        this.database = postgres.database();
        timer.scheduleAtFixedRate(this::sample, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void sample() {
        try (PreparedStatement query = connection.prepareStatement(SAMPLE)) {
            query.setString(1, database);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    sessionsByWait.merge(rs.getString(1), rs.getLong(2), Long::sum);
                }
            }
            samples.incrementAndGet();
        } catch (SQLException e) {
            // a missed sample only lowers the count
        }
    }

    /** Average number of busy sessions whose wait's label contains {@code text}, e.g. "on audit_pending". */
    public double averageSessions(String text) {
        int n = Math.max(1, samples.get());
        return sessionsByWait.entrySet().stream().filter(e -> e.getKey().contains(text))
                .mapToLong(Map.Entry::getValue).sum() / (double) n;
    }

    /** Average busy sessions per wait, most first, e.g. "Lock:transactionid on audit_head 5.2". */
    public String summary() {
        int n = Math.max(1, samples.get());
        return sessionsByWait.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() / (double) n))
                .collect(Collectors.joining("; ", "average busy sessions over " + n + " samples: ", ""));
    }

    @Override
    public void close() throws SQLException {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connection.close();
    }
}
