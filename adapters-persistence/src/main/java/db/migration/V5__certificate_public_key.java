package db.migration;

import certrenewal.adapters.persistence.PublicKeys;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The SHA-256 of each certificate's public key (its DER SubjectPublicKeyInfo), so that a request
 * for a key already certified for another ID, or revoked as compromised, is found by an index.
 * Certificates stored before this migration get theirs computed from their DER here.
 */
public class V5__certificate_public_key extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        var connection = context.getConnection();
        try (Statement sql = connection.createStatement()) {
            sql.execute("ALTER TABLE certificate ADD COLUMN public_key_sha256 VARCHAR(64)");
            sql.execute("CREATE INDEX ix_certificate_public_key ON certificate (public_key_sha256)");
        }
        try (Statement read = connection.createStatement();
             ResultSet rows = read.executeQuery("SELECT serial, der FROM certificate");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE certificate SET public_key_sha256 = ? WHERE serial = ?")) {
            int batched = 0;
            while (rows.next()) {
                update.setString(1, PublicKeys.sha256OfCertificateKey(rows.getBytes("der")));
                update.setString(2, rows.getString("serial"));
                update.addBatch();
                if (++batched % 1000 == 0) {
                    update.executeBatch();
                }
            }
            update.executeBatch();
        }
    }
}
