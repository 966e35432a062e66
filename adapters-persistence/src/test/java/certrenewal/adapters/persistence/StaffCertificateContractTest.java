package certrenewal.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.application.port.out.ConcurrentUpdateException;
import certrenewal.application.port.out.LoadCertificatePort;
import certrenewal.application.port.out.StaffAccountPort;
import certrenewal.application.port.out.StaffCertificatePort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.administration.StaffAccount;
import certrenewal.domain.administration.StaffCertificate;
import certrenewal.domain.administration.StaffRole;
import certrenewal.domain.certificate.RevocationReason;
import certrenewal.domain.certificate.SerialNumber;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The staff members' console certificates against a real database (one subclass per database). */
abstract class StaffCertificateContractTest {
    private static final Instant NOW = Instant.parse("2027-03-01T00:00:00Z");
    private static final Instant YEAR_LATER = NOW.plus(Duration.ofDays(365));

    @Inject
    StaffCertificatePort certificates;
    @Inject
    StaffAccountPort staff;
    @Inject
    LoadCertificatePort customerCertificates;
    @Inject
    TransactionPort transactions;
    @Inject
    TransactionOperations<Connection> database;

    @BeforeEach
    void startWithTwoStaffAccountsAndNoCertificates() {
        sql("DELETE FROM staff_certificate");
        sql("DELETE FROM staff_password_history");
        sql("DELETE FROM staff_account");
        transactions.inTransaction(() -> {
            staff.insertStaff(StaffAccount.create("tanaka", StaffRole.OPERATOR, "hash-t"));
            staff.insertStaff(StaffAccount.create("sato", StaffRole.OPERATOR, "hash-s"));
        });
    }

    @Test
    void aStaffCertificateReadsBackAsStoredByItsSerialAndAsItsAccountsCurrentOne() {
        StaffCertificate issued = StaffCertificate.issued(SerialNumber.ofHex("a1b2c3d4e5f60718293a4b5c6d7e8f90"), "tanaka",
                NOW, YEAR_LATER, new byte[] {0x30, 0x03, 0x02, 0x01, 0x07});
        transactions.inTransaction(() -> certificates.insertStaffCertificate(issued));

        assertEquals(Optional.of(issued), certificates.loadStaffCertificate(issued.serial()));
        assertArrayEquals(issued.der(), certificates.loadStaffCertificate(issued.serial()).orElseThrow().der());
        assertEquals(Optional.of(issued), certificates.currentStaffCertificate("tanaka"));
        assertEquals(Optional.empty(), certificates.currentStaffCertificate("sato"));
        assertEquals(Optional.empty(), certificates.loadStaffCertificate(SerialNumber.ofHex("ff")));
        // a staff certificate is no customer's: the customers' certificates do not know its serial
        assertEquals(Optional.empty(), customerCertificates.loadCertificate(issued.serial()));
    }

    @Test
    void anEndedCertificateIsNoLongerCurrentAndKeepsWhenAndWhy() {
        StaffCertificate first = issue("01aa", "tanaka", NOW);
        StaffCertificate ended = first.ended(NOW.plusSeconds(60), RevocationReason.SUPERSEDED);
        StaffCertificate second = StaffCertificate.issued(SerialNumber.ofHex("02bb"), "tanaka", NOW.plusSeconds(60),
                YEAR_LATER, new byte[] {2});
        transactions.inTransaction(() -> {
            certificates.endStaffCertificate(ended);
            certificates.insertStaffCertificate(second);
        });

        assertEquals(Optional.of(ended), certificates.loadStaffCertificate(first.serial()));
        assertEquals(Optional.of(second), certificates.currentStaffCertificate("tanaka"));
        assertEquals(List.of(second, ended), certificates.staffCertificatesOf("tanaka"));
        assertThrows(ConcurrentUpdateException.class, () -> transactions.inTransaction(() ->
                certificates.endStaffCertificate(first.ended(NOW.plusSeconds(90), RevocationReason.PRIVILEGE_WITHDRAWN))),
                "ending it again finds it ended");
        assertEquals(Optional.of(ended), certificates.loadStaffCertificate(first.serial()), "and changes nothing");
    }

    @Test
    void anAccountCannotHoldTwoCurrentCertificates() {
        issue("01aa", "tanaka", NOW);
        StaffCertificate another = StaffCertificate.issued(SerialNumber.ofHex("02bb"), "tanaka", NOW, YEAR_LATER, new byte[] {2});

        assertThrows(ConcurrentUpdateException.class,
                () -> transactions.inTransaction(() -> certificates.insertStaffCertificate(another)));
        assertEquals(Optional.empty(), certificates.loadStaffCertificate(another.serial()));
        issue("03cc", "sato", NOW); // another account's is no conflict
        assertTrue(certificates.currentStaffCertificate("sato").isPresent());
    }

    @Test
    void aSerialIsRecordedOnce() {
        issue("01aa", "tanaka", NOW);
        StaffCertificate sameSerial = StaffCertificate.issued(SerialNumber.ofHex("01aa"), "sato", NOW, YEAR_LATER, new byte[] {9});

        assertThrows(IllegalStateException.class,
                () -> transactions.inTransaction(() -> certificates.insertStaffCertificate(sameSerial)));
        assertEquals(Optional.empty(), certificates.currentStaffCertificate("sato"));
    }

    private StaffCertificate issue(String serialHex, String username, Instant at) {
        StaffCertificate issued = StaffCertificate.issued(SerialNumber.ofHex(serialHex), username, at, YEAR_LATER,
                new byte[] {1, 2, 3});
        transactions.inTransaction(() -> certificates.insertStaffCertificate(issued));
        return issued;
    }

    private void sql(String statement) {
        database.executeWrite(status -> {
            try (Statement sql = status.getConnection().createStatement()) {
                return sql.executeUpdate(statement);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
