package certrenewal.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The adapter against PostgreSQL (database "test" on 127.0.0.1, schema certrenewal_adapter_test,
 * emptied by Flyway clean first), see application-pgtest.yml. Skipped when no server runs,
 * unless {@code postgres.required=true}.
 */
@ExtendWith(PostgresAvailability.class) // before @MicronautTest: checked before the context starts
@MicronautTest(environments = "pgtest", transactional = false)
class PostgresPersistenceAdapterTest extends PersistenceAdapterContractTest {
    @Inject
    TransactionOperations<Connection> database;

    /** V4 is a Java migration that only acts on PostgreSQL: its indexes must be there, as declared. */
    @Test
    void postgresqlHasThePatternAndCrlIndexes() {
        Map<String, String> indexes = database.executeRead(status -> {
            Map<String, String> found = new TreeMap<>();
            try (Statement sql = status.getConnection().createStatement();
                 ResultSet rows = sql.executeQuery("SELECT indexname, indexdef FROM pg_indexes"
                         + " WHERE schemaname = current_schema() AND indexname IN ('ix_certificate_login_id_pattern',"
                         + " 'ix_audit_entry_target_pattern', 'ix_certificate_revoked_for_crl')")) {
                while (rows.next()) {
                    found.put(rows.getString(1), rows.getString(2));
                }
            }
            return found;
        });

        assertEquals(3, indexes.size(), indexes.toString());
        assertTrue(indexes.get("ix_certificate_login_id_pattern").contains("login_id varchar_pattern_ops"), indexes.toString());
        assertTrue(indexes.get("ix_audit_entry_target_pattern").contains("target varchar_pattern_ops"));
        String crl = indexes.get("ix_certificate_revoked_for_crl");
        assertTrue(crl.contains("(revoked_at, serial) INCLUDE (not_after, revocation_reason) WHERE"), crl);
        assertTrue(crl.contains("'REVOKED'") && crl.contains("'SUPERSEDED'"), crl);
    }
}
