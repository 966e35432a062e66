package certrenewal.domain.administration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.domain.Rejection.Code;
import certrenewal.domain.administration.StaffCertificateLogin.Verdict;
import certrenewal.domain.certificate.RevocationReason;
import certrenewal.domain.certificate.SerialNumber;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StaffCertificateLoginTest {
    private static final Instant ISSUED = Instant.parse("2027-01-10T00:00:00Z");
    private static final Instant NOT_AFTER = ISSUED.plus(Duration.ofDays(365));
    private static final StaffCertificate TANAKAS = StaffCertificate.issued(SerialNumber.ofHex("5a17"), "tanaka",
            ISSUED, NOT_AFTER, new byte[] {1, 2, 3});

    @Test
    void theAccountsCurrentCertificateLogsItInWithinItsValidity() {
        assertEquals(Verdict.ACCEPTED, judge(TANAKAS, "tanaka", ISSUED));
        assertEquals(Verdict.ACCEPTED, judge(TANAKAS, "tanaka", ISSUED.plus(Duration.ofDays(200))));
        assertEquals(Verdict.ACCEPTED, judge(TANAKAS, "tanaka", NOT_AFTER), "notAfter is its last valid instant");
    }

    @Test
    void loginIsRefusedWithAnotherStaffMembersCertificate() {
        assertEquals(Verdict.OF_ANOTHER_ACCOUNT, judge(TANAKAS, "sato", ISSUED.plusSeconds(60)));
    }

    @Test
    void loginIsRefusedWithACertificateTheBankDidNotRecordForStaff() {
        assertEquals(Verdict.NOT_A_STAFF_CERTIFICATE,
                StaffCertificateLogin.judge(Optional.empty(), "tanaka", ISSUED.plusSeconds(60)));
    }

    @Test
    void loginIsRefusedWithASupersededCertificate() {
        StaffCertificate superseded = TANAKAS.ended(ISSUED.plus(Duration.ofDays(30)), RevocationReason.SUPERSEDED);
        assertEquals(Verdict.SUPERSEDED, judge(superseded, "tanaka", ISSUED.plus(Duration.ofDays(31))));
    }

    @Test
    void loginIsRefusedWithTheCertificateOfADisabledAccount() {
        StaffCertificate withdrawn = TANAKAS.ended(ISSUED.plus(Duration.ofDays(30)), RevocationReason.PRIVILEGE_WITHDRAWN);
        assertEquals(Verdict.WITHDRAWN, judge(withdrawn, "tanaka", ISSUED.plus(Duration.ofDays(31))));
    }

    @Test
    void loginIsRefusedOutsideTheValidity() {
        assertEquals(Verdict.EXPIRED, judge(TANAKAS, "tanaka", NOT_AFTER.plusSeconds(1)));
        assertEquals(Verdict.NOT_YET_VALID, judge(TANAKAS, "tanaka", ISSUED.minusSeconds(1)));
    }

    @Test
    void anEndedCertificateKeepsWhyAndCannotEndTwice() {
        StaffCertificate superseded = TANAKAS.ended(ISSUED.plusSeconds(5), RevocationReason.SUPERSEDED);
        assertFalse(superseded.current());
        assertTrue(TANAKAS.current(), "ending makes a new value; the issued one is unchanged");
        assertThrows(IllegalStateException.class,
                () -> superseded.ended(ISSUED.plusSeconds(6), RevocationReason.PRIVILEGE_WITHDRAWN));
        assertTrue(TANAKAS.hasEncoding(new byte[] {1, 2, 3}));
        assertFalse(TANAKAS.hasEncoding(new byte[] {1, 2, 4}));
        assertFalse(TANAKAS.hasEncoding(null));
    }

    @Test
    void aDisabledAccountGetsNoCertificate() {
        Actor.Staff securityAdministrator = new Actor.Staff("kato", StaffRole.SECURITY_ADMIN);
        StaffAccount operator = StaffAccount.create("tanaka", StaffRole.OPERATOR, "hash");

        assertEquals(Optional.empty(), StaffAdministration.check(securityAdministrator, StaffChange.ISSUE_CERTIFICATE,
                operator, null, 1, ISSUED));
        assertEquals(Optional.of(Code.STAFF_ACCOUNT_DISABLED), StaffAdministration.check(securityAdministrator,
                StaffChange.ISSUE_CERTIFICATE, operator.disable(), null, 1, ISSUED).map(r -> r.code()));
    }

    private static Verdict judge(StaffCertificate recorded, String username, Instant now) {
        return StaffCertificateLogin.judge(Optional.of(recorded), username, now);
    }
}
