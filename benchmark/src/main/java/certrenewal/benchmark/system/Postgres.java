package certrenewal.benchmark.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The PostgreSQL server the benchmark may use: {@code serverUrl} such as
 * {@code jdbc:postgresql://127.0.0.1:5432/}, user postgres, its own database.
 */
public record Postgres(String serverUrl, String user, String database) {

    /** The server when it answers within a few seconds and the database exists or could be created. */
    public static Optional<Postgres> reachable(String serverUrl, String user, String database) {
        Postgres postgres = new Postgres(serverUrl.endsWith("/") ? serverUrl : serverUrl + "/", user, database);
        DriverManager.setLoginTimeout(3);
        try (Connection admin = DriverManager.getConnection(postgres.serverUrl + "postgres", user, "")) {
            if (!exists(admin, database)) {
                try (Statement create = admin.createStatement()) {
                    create.execute("CREATE DATABASE " + database);
                }
            }
            return Optional.of(postgres);
        } catch (SQLException e) {
            System.out.println("PostgreSQL not reachable at " + serverUrl + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The JDBC URL of the benchmark's database, with {@code schema} as the current schema. */
    public String url(String schema) {
        return serverUrl + database + "?currentSchema=" + schema;
    }

    public Connection connect(String schema) throws SQLException {
        return DriverManager.getConnection(url(schema), user, "");
    }

    /** For batched inserts: the driver sends each batch as multi-row INSERTs, not one statement per row. */
    public Connection connectForBulkLoad(String schema) throws SQLException {
        return DriverManager.getConnection(url(schema) + "&reWriteBatchedInserts=true", user, "");
    }

    private static boolean exists(Connection admin, String database) throws SQLException {
        try (PreparedStatement query = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next();
            }
        }
    }
}
