package certrenewal.benchmark.scale;

import certrenewal.application.port.out.CertificateAuthorityPort;
import certrenewal.benchmark.client.KeyAndRequest;
import certrenewal.domain.certificate.SerialNumber;
import certrenewal.domain.certificate.SubjectName;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

/** The scale data set in a PostgreSQL schema: whether it is there already, and making it. */
public final class ScaleDataSet {
    private ScaleDataSet() {
    }

    /** True when the schema holds exactly the IDs and certificates of {@code shape} (from an earlier run). */
    public static boolean holds(Connection connection, ScaleShape shape) {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT (SELECT COUNT(*) FROM login_account), (SELECT COUNT(*) FROM certificate)")) {
            return rs.next() && rs.getLong(1) == shape.ids() && rs.getLong(2) == shape.certificates();
        } catch (SQLException e) {
            return false; // no schema yet
        }
    }

    /** Fills an empty, migrated schema; the filler certificates copy one that {@code ca} signs now. */
    public static ScaleDataGenerator.Written generate(Connection connection, ScaleShape shape, CertificateAuthorityPort ca)
            throws SQLException {
        byte[] serial = CertificateTemplate.serial(new SplittableRandom());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        CertificateAuthorityPort.SignedCertificate signed = ca.sign(
                ca.checkRequest(KeyAndRequest.generate(1, "template-").get(0).pkcs10Der()),
                new SubjectName("JP", "Scale Customer 000000", "S000000", "s0000000"),
                new SerialNumber(new BigInteger(1, serial)), now, now.plus(Duration.ofDays(365)));
        connection.setAutoCommit(false);
        return new ScaleDataGenerator(connection, new CertificateTemplate(signed.der(), serial), signed.issuer())
                .fill(shape);
    }
}
