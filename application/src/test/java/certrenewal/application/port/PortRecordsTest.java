package certrenewal.application.port;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import certrenewal.application.port.in.AuthenticatedId;
import certrenewal.application.port.in.IssueCertificateCommand;
import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.in.SubmitCertificateRequestCommand;
import certrenewal.application.port.out.AuditEvent;
import certrenewal.domain.Rejection;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.IdKind;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.certificate.SerialNumber;
import certrenewal.domain.renewal.RenewalId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PortRecordsTest {
    private static final LoginId ID = new LoginId("demo-admin");
    private static final Actor SYSTEM = new Actor.SystemTask("test");
    private static final AuthenticatedId WHO = new AuthenticatedId(ID, new ContractNumber("C1"), IdKind.USER, SerialNumber.ofHex("01"));

    @Test
    void issueCommandRefusesNonPositiveValidityAndCopiesTheRequest() {
        assertThrows(IllegalArgumentException.class, () -> new IssueCertificateCommand(ID, new byte[] {1}, Duration.ZERO, SYSTEM));
        assertThrows(IllegalArgumentException.class, () -> new IssueCertificateCommand(ID, new byte[] {1}, Duration.ofDays(-1), SYSTEM));
        assertThrows(NullPointerException.class, () -> new IssueCertificateCommand(ID, null, Duration.ofDays(1), SYSTEM));
        byte[] request = {1, 2};
        IssueCertificateCommand command = new IssueCertificateCommand(ID, request, Duration.ofDays(1), SYSTEM);
        request[0] = 9;
        assertArrayEquals(new byte[] {1, 2}, command.pkcs10Der());
    }

    @Test
    void submitCommandCopiesTheRequest() {
        byte[] request = {1, 2};
        SubmitCertificateRequestCommand command = new SubmitCertificateRequestCommand(RenewalId.random(), WHO, request);
        request[0] = 9;
        assertArrayEquals(new byte[] {1, 2}, command.pkcs10Der());
        assertThrows(NullPointerException.class, () -> new SubmitCertificateRequestCommand(null, WHO, request));
    }

    @Test
    void refusalCarriesItsRejectionAndMessage() {
        Rejection rejection = Rejection.of(Code.ID_LOCKED);
        RequestRefusedException e = new RequestRefusedException(rejection);

        assertSame(rejection, e.rejection());
        assertEquals("The login ID is locked.", e.getMessage());
        assertThrows(NullPointerException.class, () -> new RequestRefusedException(null));
    }

    @Test
    void auditEventWithoutDetailHasAnEmptyOne() {
        assertEquals("", new AuditEvent(Instant.EPOCH, "a", "b", "c", AuditEvent.SUCCESS, null).detail());
        assertThrows(NullPointerException.class, () -> new AuditEvent(Instant.EPOCH, "a", "b", "c", null, ""));
    }
}
