package certrenewal.benchmark.scale;

import certrenewal.domain.account.Contract;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.certificate.SubjectName;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Fills the Flyway schema with a large, plausible history by batched JDBC inserts, past the use
 * cases (which would take hours at this size). Per ID: certificates one after another, each
 * renewed 30 days before it expired (a confirmed renewal and a superseded old certificate), the
 * newest one current; every third ID also had a certificate revoked for key compromise and re-issued.
 */
public final class ScaleDataGenerator {
    private static final int IDS_PER_BATCH = 1000;
    private static final Duration VALIDITY = Duration.ofDays(365);
    private static final Duration RENEWED_EVERY = Duration.ofDays(335);
    private static final long CURRENT_AGE_SECONDS = Duration.ofDays(360).toSeconds();

    private final Connection connection;
    private final CertificateTemplate template;
    private final String issuer;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final SplittableRandom random = new SplittableRandom(20_260_101L);
    private final MessageDigest sha256 = CertificateTemplate.sha256();

    /** @param connection with auto-commit off; the generator commits per batch */
    ScaleDataGenerator(Connection connection, CertificateTemplate template, String issuer) {
        this.connection = connection;
        this.template = template;
        this.issuer = issuer;
    }

    /** What was written. */
    public record Written(int contracts, int ids, long certificates, long revoked, long renewals) {
    }

    Written fill(ScaleShape shape) throws SQLException {
        insertContractsAndIds(shape);
        String[] currentSerials = new String[shape.ids()];
        long certificates = 0;
        long revoked = 0;
        long renewals = 0;
        try (PreparedStatement certificate = connection.prepareStatement("""
                INSERT INTO certificate (serial, login_id, subject, subject_c, subject_o, subject_ou, subject_cn, issuer,
                                         not_before, not_after, status, revocation_reason, revoked_at, der,
                                         sha256_fingerprint, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""");
             PreparedStatement renewal = connection.prepareStatement("""
                INSERT INTO renewal (id, login_id, state, open_login_id, old_serial, new_serial, started_at, issued_at,
                                     confirmed_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")) {
            for (int first = 0; first < shape.ids(); first += IDS_PER_BATCH) {
                for (int id = first; id < Math.min(shape.ids(), first + IDS_PER_BATCH); id++) {
                    History history = history(shape, id);
                    for (int g = 0; g < history.serials.length; g++) {
                        addCertificate(certificate, shape, id, history, g);
                        certificates++;
                        if (g < history.current() && history.isRevoked(g)) {
                            revoked++;
                        } else if (g < history.current()) {
                            addRenewal(renewal, id, "CONFIRMED", history.serials[g], history.serials[g + 1],
                                    history.notBefore[g + 1]);
                            renewals++;
                        }
                    }
                    if (shape.hasOpenRenewal(id)) {
                        addRenewal(renewal, id, "AWAITING_KEY", history.serials[history.current()], null,
                                now.minus(Duration.ofMinutes(5)));
                        renewals++;
                    }
                    currentSerials[id] = history.serials[history.current()];
                }
                certificate.executeBatch();
                renewal.executeBatch();
                connection.commit();
            }
        }
        linkCurrentCertificates(currentSerials);
        vacuumAnalyze();
        return new Written(shape.contracts(), shape.ids(), certificates, revoked, renewals);
    }

    /** Serials and validity starts of one ID's certificates, oldest first. */
    private record History(String[] serials, byte[][] serialBytes, Instant[] notBefore, boolean hadRevocation) {
        int current() {
            return serials.length - 1;
        }

        /** The revoked certificate is the one before the current, re-issued a day after it was. */
        boolean isRevoked(int generation) {
            return hadRevocation && generation == current() - 1;
        }
    }

    private History history(ScaleShape shape, int id) {
        int count = shape.certificatesOf(id);
        boolean hadRevocation = shape.hadRevocation(id);
        String[] serials = new String[count];
        byte[][] serialBytes = new byte[count][];
        Instant[] notBefore = new Instant[count];
        notBefore[count - 1] = now.minusSeconds(random.nextLong(CURRENT_AGE_SECONDS));
        for (int g = count - 2; g >= 0; g--) {
            boolean revokedOne = hadRevocation && g == count - 2;
            notBefore[g] = notBefore[g + 1].minus(revokedOne ? Duration.ofDays(1) : RENEWED_EVERY);
        }
        for (int g = 0; g < count; g++) {
            serialBytes[g] = CertificateTemplate.serial(random);
            serials[g] = CertificateTemplate.hex(serialBytes[g]);
        }
        return new History(serials, serialBytes, notBefore, hadRevocation);
    }

    private void addCertificate(PreparedStatement insert, ScaleShape shape, int id, History history, int g)
            throws SQLException {
        String loginId = ScaleShape.loginId(id);
        String contract = ScaleShape.contractNumber(id);
        SubjectName subject = SubjectName.of(new Contract(new ContractNumber(contract), contractName(id)), new LoginId(loginId));
        byte[] der = template.withSerial(history.serialBytes[g]);
        Instant notBefore = history.notBefore[g];
        String status = g == history.current() ? "ACTIVE" : history.isRevoked(g) ? "REVOKED" : "SUPERSEDED";
        String reason = g == history.current() ? null : history.isRevoked(g) ? "KEY_COMPROMISE" : "SUPERSEDED";
        // superseded when the successor was first used, an hour after its issue; revoked an hour before the re-issue
        Instant revokedAt = g == history.current() ? null
                : history.isRevoked(g) ? history.notBefore[g + 1].minus(Duration.ofHours(1))
                : history.notBefore[g + 1].plus(Duration.ofHours(1));
        insert.setString(1, history.serials[g]);
        insert.setString(2, loginId);
        insert.setString(3, subject.rfc4514());
        insert.setString(4, subject.country());
        insert.setString(5, subject.organization());
        insert.setString(6, subject.organizationalUnit());
        insert.setString(7, subject.commonName());
        insert.setString(8, issuer);
        insert.setObject(9, notBefore.atOffset(ZoneOffset.UTC));
        insert.setObject(10, notBefore.plus(VALIDITY).atOffset(ZoneOffset.UTC));
        insert.setString(11, status);
        insert.setString(12, reason);
        insert.setObject(13, revokedAt == null ? null : revokedAt.atOffset(ZoneOffset.UTC), java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
        insert.setBytes(14, der);
        insert.setString(15, CertificateTemplate.fingerprint(sha256, der));
        insert.addBatch();
    }

    private void addRenewal(PreparedStatement insert, int id, String state, String oldSerial, String newSerial,
                            Instant issuedAt) throws SQLException {
        String loginId = ScaleShape.loginId(id);
        boolean open = newSerial == null;
        insert.setObject(1, new UUID(random.nextLong(), random.nextLong()));
        insert.setString(2, loginId);
        insert.setString(3, state);
        insert.setString(4, open ? loginId : null);
        insert.setString(5, oldSerial);
        insert.setString(6, newSerial);
        insert.setObject(7, issuedAt.minus(Duration.ofMinutes(5)).atOffset(ZoneOffset.UTC));
        insert.setObject(8, open ? null : issuedAt.atOffset(ZoneOffset.UTC), java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
        insert.setObject(9, open ? null : issuedAt.plus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC),
                java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
        insert.addBatch();
    }

    private void insertContractsAndIds(ScaleShape shape) throws SQLException {
        try (PreparedStatement contract = connection.prepareStatement("INSERT INTO contract (number, name) VALUES (?, ?)");
             PreparedStatement account = connection.prepareStatement("""
                     INSERT INTO login_account (login_id, contract_number, kind, status, failed_password_attempts, version)
                     VALUES (?, ?, ?, ?, 0, 0)""")) {
            for (int id = 0; id < shape.ids(); id++) {
                if (id % ScaleShape.IDS_PER_CONTRACT == 0) {
                    contract.setString(1, ScaleShape.contractNumber(id));
                    contract.setString(2, contractName(id));
                    contract.addBatch();
                }
                account.setString(1, ScaleShape.loginId(id));
                account.setString(2, ScaleShape.contractNumber(id));
                account.setString(3, id % ScaleShape.IDS_PER_CONTRACT == 0 ? "ADMINISTRATOR" : "USER");
                account.setString(4, shape.isLocked(id) ? "LOCKED" : "ACTIVE");
                account.addBatch();
                if (id % IDS_PER_BATCH == IDS_PER_BATCH - 1 || id == shape.ids() - 1) {
                    contract.executeBatch();
                    account.executeBatch();
                    connection.commit();
                }
            }
        }
    }

    /** After the certificates, since login_account and certificate refer to each other. */
    private void linkCurrentCertificates(String[] currentSerials) throws SQLException {
        try (PreparedStatement link = connection.prepareStatement(
                "UPDATE login_account SET current_certificate_serial = ? WHERE login_id = ?")) {
            for (int id = 0; id < currentSerials.length; id++) {
                link.setString(1, currentSerials[id]);
                link.setString(2, ScaleShape.loginId(id));
                link.addBatch();
                if (id % IDS_PER_BATCH == IDS_PER_BATCH - 1 || id == currentSerials.length - 1) {
                    link.executeBatch();
                    connection.commit();
                }
            }
        }
    }

    /**
     * What autovacuum does on a live server (this one may run without it): statistics for the
     * planner, and the visibility map without which no index-only scan avoids the table.
     */
    private void vacuumAnalyze() throws SQLException {
        connection.setAutoCommit(true); // VACUUM cannot run inside a transaction
        try (Statement statement = connection.createStatement()) {
            for (String table : List.of("contract", "login_account", "certificate", "renewal")) {
                statement.execute("VACUUM ANALYZE " + table);
            }
        }
    }

    private static String contractName(int id) {
        return "Scale Customer " + ScaleShape.contractNumber(id).substring(1);
    }
}
