package certrenewal.adapters.persistence;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The notice queue against PostgreSQL, in a database of its own ({@value #DATABASE}, made when missing, emptied by
 * Flyway clean), see application-pgnotices.yml. Skipped when no server runs, unless {@code postgres.required=true}.
 */
@ExtendWith({PostgresAvailability.class, PostgresNoticeQueueTest.OwnDatabase.class}) // before @MicronautTest
@MicronautTest(environments = "pgnotices", transactional = false)
class PostgresNoticeQueueTest extends NoticeQueueContractTest {
    static final String DATABASE = "certrenewal_notices_test";

    static final class OwnDatabase implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) throws Exception {
            create(DATABASE);
        }

        /** Makes the database {@code database} on the test server when it is missing. */
        static void create(String database) throws Exception {
            String server = "jdbc:postgresql://" + PostgresAvailability.HOST + ":" + PostgresAvailability.port() + "/postgres";
            try (var connection = DriverManager.getConnection(server, "postgres", "");
                 Statement sql = connection.createStatement()) {
                try (ResultSet found = sql.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                    if (found.next()) {
                        return;
                    }
                }
                sql.executeUpdate("CREATE DATABASE " + database);
            }
        }
    }
}
