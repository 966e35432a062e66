package certrenewal.benchmark.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * cfssl's certificate database in a PostgreSQL database of its own: the tables of cfssl's {@code certdb/pg}
 * migration ({@code certificates}, {@code ocsp_responses}) made anew, and the {@code -db-config} file that points
 * {@code cfssl serve} at them.
 */
public final class CfsslCertdb {
    private static final String[] SCHEMA = {
        "DROP TABLE IF EXISTS ocsp_responses",
        "DROP TABLE IF EXISTS certificates",
        """
        CREATE TABLE certificates (
          serial_number            bytea NOT NULL,
          authority_key_identifier bytea NOT NULL,
          ca_label                 bytea,
          status                   bytea NOT NULL,
          reason                   int,
          expiry                   timestamptz,
          revoked_at               timestamptz,
          pem                      bytea NOT NULL,
          PRIMARY KEY (serial_number, authority_key_identifier))""",
        """
        CREATE TABLE ocsp_responses (
          serial_number            bytea NOT NULL,
          authority_key_identifier bytea NOT NULL,
          body                     bytea NOT NULL,
          expiry                   timestamptz,
          PRIMARY KEY (serial_number, authority_key_identifier),
          FOREIGN KEY (serial_number, authority_key_identifier)
            REFERENCES certificates (serial_number, authority_key_identifier))""",
    };

    private final Postgres postgres;

    private CfsslCertdb(Postgres postgres) {
        this.postgres = postgres;
    }

    /** Empties (or creates) the tables in {@code postgres}'s database, which only cfssl uses. */
    public static CfsslCertdb fresh(Postgres postgres) {
        try (Connection connection = postgres.connect("public"); Statement statement = connection.createStatement()) {
            for (String sql : SCHEMA) {
                statement.execute(sql);
            }
            return new CfsslCertdb(postgres);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create cfssl's certdb tables in " + postgres.database(), e);
        }
    }

    /** Writes the {@code -db-config} file: lib/pq's URL form of the same server and database, no TLS to it. */
    public static Path writeConfig(Postgres postgres, Path file) {
        String server = postgres.serverUrl().replaceFirst("^jdbc:postgresql://", "");
        String json = "{\"driver\":\"postgres\",\"data_source\":\"postgres://" + postgres.user() + "@" + server
                + postgres.database() + "?sslmode=disable\"}";
        try {
            return Files.writeString(file, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Certificates cfssl stored, each with its status {@code good}. */
    public long storedGood() {
        try (Connection connection = postgres.connect("public"); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM certificates WHERE status = 'good'::bytea")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count cfssl's certificates", e);
        }
    }
}
