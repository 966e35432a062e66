package certrenewal.application.service;

import static certrenewal.application.service.RenewalUseCasesTest.assertRefused;
import static certrenewal.application.service.TestWorld.ADMIN;
import static certrenewal.application.service.TestWorld.USER;
import static certrenewal.application.service.TestWorld.passwordOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import certrenewal.application.port.in.AuthenticatedId;
import certrenewal.application.port.in.IssueCertificateCommand;
import certrenewal.application.port.in.IssuedCertificate;
import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.in.admin.RevokeCertificateCommand;
import certrenewal.application.port.out.AuditEvent;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.certificate.IssuanceRules;
import certrenewal.domain.certificate.RevocationReason;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The rules every issuance obeys, whichever way it comes: blocked keys and the daily limit per ID.
 * Seen before: ten EST renewals in a row with the same old certificate all issued.
 */
class IssuanceRulesTest {
    private final TestWorld world = new TestWorld();

    @Test
    void anIdGetsAtMostTheDailyNumberOfCertificatesAndLearnsWhenItMayAgain() {
        world.moveIntoRenewalWindow();
        AuthenticatedId who = world.admin();
        Instant firstRenewal = world.clock.instant();
        for (int i = 0; i < TestWorld.ISSUANCE_RULES.perDay(); i++) {
            world.renewWithCertificate.renew(who, FakeCertificateAuthority.request());
            world.clock.advance(Duration.ofMinutes(10));
        }
        int signed = world.authority.signed().size();

        RequestRefusedException refused = assertRefused(Code.ISSUANCE_LIMIT_REACHED,
                () -> world.renewWithCertificate.renew(who, FakeCertificateAuthority.request()));

        assertEquals(signed, world.authority.signed().size());
        // X.509 times have whole seconds: the first renewal counts from its notBefore
        assertEquals(Optional.of(firstRenewal.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .plus(IssuanceRules.WINDOW)), refused.retryAt());
        assertEquals(AuditEvent.REFUSED, world.store.audit("RENEWAL_REQUESTED").getLast().outcome());
        world.clock.set(refused.retryAt().orElseThrow());
        world.renewWithCertificate.renew(who, FakeCertificateAuthority.request());
        assertEquals(signed + 1, world.authority.signed().size());
    }

    @Test
    void theLimitCountsTheBrowserRenewalTooAndEndsTheRenewalAsFailed() {
        world.moveIntoRenewalWindow();
        AuthenticatedId who = world.admin();
        for (int i = 0; i < TestWorld.ISSUANCE_RULES.perDay(); i++) {
            world.renewWithCertificate.renew(who, FakeCertificateAuthority.request());
        }

        assertRefused(Code.ISSUANCE_LIMIT_REACHED, () -> world.renewInBrowser(who));

        assertEquals(AuditEvent.REFUSED, world.store.audit("RENEWAL_FAILED").getLast().outcome());
    }

    @Test
    void aKeyCertifiedForAnotherIdIsRefused() {
        KeyPair key = FakeCertificateAuthority.newKeyPair();
        world.issueCertificate.issue(new IssueCertificateCommand(USER,
                FakeCertificateAuthority.request(key, "CN=user"), TestWorld.VALIDITY, TestWorld.SYSTEM));
        world.moveIntoRenewalWindow();
        int signed = world.authority.signed().size();

        assertRefused(Code.KEY_ALREADY_CERTIFIED,
                () -> world.renewWithCertificate.renew(world.admin(), FakeCertificateAuthority.request(key, "CN=x")));

        assertEquals(signed, world.authority.signed().size());
    }

    @Test
    void anIdMayRenewWithTheKeyItAlreadyHas() {
        KeyPair key = FakeCertificateAuthority.newKeyPair();
        world.moveIntoRenewalWindow();
        IssuedCertificate renewed = world.renewWithCertificate.renew(world.admin(), FakeCertificateAuthority.request(key, "CN=a"));
        AuthenticatedId withRenewed = world.authentication.authenticate(renewed.certificate().der());
        world.clock.set(TestWorld.POLICY.windowOpensAt(renewed.certificate().notAfter()).plusSeconds(1));

        IssuedCertificate again = world.renewWithCertificate.renew(withRenewed, FakeCertificateAuthority.request(key, "CN=a"));

        assertEquals(ADMIN, again.certificate().owner());
    }

    @Test
    void aKeyRevokedAsCompromisedIsNeverCertifiedAgain() {
        KeyPair key = FakeCertificateAuthority.newKeyPair();
        IssuedCertificate users = world.issueCertificate.issue(new IssueCertificateCommand(USER,
                FakeCertificateAuthority.request(key, "CN=user"), TestWorld.VALIDITY, TestWorld.SYSTEM));
        world.addStaff(TestWorld.OPERATOR);
        world.revoke.revoke(new RevokeCertificateCommand(TestWorld.OPERATOR, users.certificate().serial(),
                RevocationReason.KEY_COMPROMISE, passwordOf(TestWorld.OPERATOR).toCharArray()));
        world.moveIntoRenewalWindow();

        assertRefused(Code.KEY_COMPROMISED,
                () -> world.renewWithCertificate.renew(world.admin(), FakeCertificateAuthority.request(key, "CN=x")));
    }
}
