package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Indexes that only PostgreSQL has the syntax for; on H2 (the embedded default) this migration
 * does nothing, and the indexes of V2 serve the same queries there.
 *
 * <ul>
 *   <li>Prefix searches ({@code login_id LIKE 'abc%'}, the console's and the audit log's): under a
 *       collation other than C, PostgreSQL can use a b-tree for {@code LIKE} only if it was built
 *       with the pattern operator class.</li>
 *   <li>The CRL: a partial index over the revoked and superseded certificates only, in the CRL's
 *       order and holding every column it reads, so that signing a CRL reads no table rows.</li>
 * </ul>
 */
public class V4__PostgreSQL_only_indexes extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        if (!"PostgreSQL".equals(context.getConnection().getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement sql = context.getConnection().createStatement()) {
            sql.execute("CREATE INDEX ix_certificate_login_id_pattern ON certificate (login_id varchar_pattern_ops)");
            sql.execute("CREATE INDEX ix_audit_entry_target_pattern ON audit_entry (target varchar_pattern_ops)");
            sql.execute("""
                    CREATE INDEX ix_certificate_revoked_for_crl ON certificate (revoked_at, serial)
                      INCLUDE (not_after, revocation_reason)
                      WHERE status IN ('REVOKED', 'SUPERSEDED')""");
        }
    }
}
