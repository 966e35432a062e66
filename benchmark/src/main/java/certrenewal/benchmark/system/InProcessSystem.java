package certrenewal.benchmark.system;

import certrenewal.adapters.persistence.JdbcAuditTrail;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The system's use cases and adapters as the app wires them (its application.yml and factories),
 * without the HTTP server, demo data or the timed-out renewal sweep: on the embedded H2 of a data
 * directory, or on PostgreSQL in a schema of its own.
 */
public final class InProcessSystem implements AutoCloseable {
    private final ApplicationContext context;

    private InProcessSystem(ApplicationContext context) {
        this.context = context;
    }

    /** The embedded default: H2 file and CA under {@code dataDir}, created when missing. */
    public static InProcessSystem embedded(Path dataDir) {
        return start(baseProperties(dataDir));
    }

    /**
     * The embedded default with the CA key in a PKCS#11 token ({@code certrenewal.ca-token.*}): the first start makes
     * the key in the token, as the embedded default does.
     */
    public static InProcessSystem embeddedWithToken(Path dataDir, SoftHsmToken token) {
        Map<String, Object> properties = baseProperties(dataDir);
        properties.put("certrenewal.ca-token.library", token.library().toString());
        properties.put("certrenewal.ca-token.alias", SoftHsmToken.ALIAS);
        properties.put("certrenewal.ca-token.pin", token.pin());
        return start(properties);
    }

    /** PostgreSQL in {@code schema}, emptied and migrated first; the CA under {@code dataDir}. */
    public static InProcessSystem postgresEmptied(Postgres postgres, String schema, Path dataDir) {
        Map<String, Object> properties = postgresProperties(postgres, schema, dataDir);
        properties.put("flyway.datasources.default.clean-schema", true);
        properties.put("flyway.datasources.default.clean-disabled", false);
        return start(properties);
    }

    /** PostgreSQL in {@code schema} as it is: migrated if needed, never emptied. */
    public static InProcessSystem postgres(Postgres postgres, String schema, Path dataDir) {
        return start(postgresProperties(postgres, schema, dataDir));
    }

    private static Map<String, Object> postgresProperties(Postgres postgres, String schema, Path dataDir) {
        Map<String, Object> properties = baseProperties(dataDir);
        properties.put("datasources.default.url", postgres.url(schema));
        properties.put("datasources.default.driver-class-name", "org.postgresql.Driver");
        properties.put("datasources.default.username", postgres.user());
        properties.put("datasources.default.password", "");
        properties.put("flyway.datasources.default.schemas", schema);
        return properties;
    }

    private static Map<String, Object> baseProperties(Path dataDir) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("certrenewal.data-dir", dataDir.toAbsolutePath().toString());
        properties.put("certrenewal.demo.enabled", false);
        // no background sweeps of timed-out renewals writing while something is timed
        properties.put("certrenewal.renewal.sweep-interval", "3650d");
        // nor the dashboard's background count (about a second at scale); the scale stage times counting itself
        properties.put("certrenewal.administration.dashboard-refresh", "3650d");
        // registering thousands of IDs hashes their passwords (untimed set-up); no stage logs in with them
        properties.put("certrenewal.login.password-hash-iterations", 1000);
        return properties;
    }

    private static InProcessSystem start(Map<String, Object> properties) {
        return new InProcessSystem(ApplicationContext.builder().properties(properties).start());
    }

    public <T> T use(Class<T> type) {
        return context.getBean(type);
    }

    /** A use case that may not be wired yet. */
    public <T> Optional<T> find(Class<T> type) {
        return context.findBean(type);
    }

    /** The first audit entry whose hash chain is broken, or empty when the whole trail is intact. */
    public Optional<Long> firstBrokenAuditEntry() {
        return context.getBean(JdbcAuditTrail.class).firstBrokenEntry();
    }

    /** A single number from a query, for checking what was stored. */
    public long count(String sql) {
        // the bean is a proxy that only lends the connection of a surrounding transaction
        DataSource pool = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class));
        try (Connection connection = pool.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
