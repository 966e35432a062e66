package certrenewal.application.service;

import static certrenewal.application.service.TestWorld.ADMIN;
import static certrenewal.application.service.TestWorld.CONTRACT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.application.port.in.AuthenticatedId;
import certrenewal.application.port.in.IssuedCertificate;
import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.in.SubmitCertificateRequestCommand;
import certrenewal.application.port.out.AuditEvent;
import certrenewal.domain.Rejection;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.AccountStatus;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.certificate.Certificate;
import certrenewal.domain.certificate.CertificateStatus;
import certrenewal.domain.certificate.RevocationReason;
import certrenewal.domain.certificate.SerialNumber;
import certrenewal.domain.certificate.SubjectName;
import certrenewal.domain.renewal.Renewal;
import certrenewal.domain.renewal.RenewalId;
import certrenewal.domain.renewal.RenewalState;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class RenewalUseCasesTest {
    private final TestWorld world = new TestWorld();
    private final InMemoryStore store = world.store;
    private final FakeCertificateAuthority authority = world.authority;
    private final Certificate firstCertificate = world.first.certificate();
    private final SerialNumber oldSerial = firstCertificate.serial();

    // ---- the browser flow ----

    @Test
    void browserRenewalIssuesACertificateWithTheSubjectFromTheRecords() throws Exception {
        world.moveIntoRenewalWindow();
        AuthenticatedId who = world.admin();
        Instant startedAt = world.clock.instant();

        Renewal.Started started = world.startRenewal.start(who);
        assertEquals(RenewalState.STARTED, store.renewal(started.id()).state());
        assertEquals(oldSerial, started.oldSerial());
        world.clock.advance(Duration.ofSeconds(30));
        Renewal.AwaitingKey awaiting = world.prepareRenewal.prepare(started.id(), who);
        assertEquals(RenewalState.AWAITING_KEY, store.renewal(started.id()).state());
        world.clock.advance(Duration.ofSeconds(30).plusMillis(250));
        Instant submittedAt = world.clock.instant();
        IssuedCertificate issued = world.submitRequest.submit(new SubmitCertificateRequestCommand(awaiting.id(), who,
                FakeCertificateAuthority.request("CN=mallory,OU=X999,O=Evil Corp,C=US")));

        Certificate certificate = issued.certificate();
        assertEquals(certificate, store.certificate(certificate.serial()));
        assertNotEquals(oldSerial, certificate.serial());
        assertEquals(ADMIN, certificate.owner());
        assertEquals(CertificateStatus.ACTIVE, certificate.storedStatus());
        SubjectName expected = new SubjectName("JP", CONTRACT.name(), CONTRACT.number().value(), ADMIN.value());
        assertEquals(expected, certificate.subject());
        assertEquals(firstCertificate.subject(), certificate.subject());
        // X.509 has whole seconds: the record says exactly what the certificate says
        assertEquals(Instant.parse("2026-02-25T09:01:00.250Z"), submittedAt);
        assertEquals(Instant.parse("2026-02-25T09:01:00Z"), certificate.notBefore());
        assertEquals(certificate.notBefore().plus(TestWorld.VALIDITY), certificate.notAfter());
        assertEquals(FakeCertificateAuthority.ISSUER, certificate.issuer());
        assertEquals(FakeCertificateAuthority.fingerprint(certificate.der()), certificate.sha256Fingerprint());

        X509Certificate x509 = FakeCertificateAuthority.parse(certificate.der());
        assertEquals(new X500Principal(expected.rfc4514()), x509.getSubjectX500Principal());
        assertEquals(certificate.serial().value(), x509.getSerialNumber());
        assertEquals(certificate.notAfter(), x509.getNotAfter().toInstant());
        assertEquals(1, issued.caChain().size());
        assertArrayEquals(authority.caCertificate(), issued.caChain().get(0));

        Renewal.Issued renewal = assertInstanceOf(Renewal.Issued.class, store.renewal(started.id()));
        assertEquals(certificate.serial(), renewal.newSerial());
        assertEquals(oldSerial, renewal.oldSerial());
        assertEquals(startedAt, renewal.startedAt());
        assertEquals(submittedAt, renewal.issuedAt());

        // the old certificate stays current and valid until the new one is used
        assertEquals(Optional.of(oldSerial), store.account(ADMIN).currentCertificateSerial());
        assertEquals(CertificateStatus.ACTIVE, store.certificate(oldSerial).storedStatus());

        AuditEvent issuedEntry = store.audit("CERTIFICATE_ISSUED").getLast();
        assertEquals("certificate:" + certificate.serial().hex(), issuedEntry.target());
        assertEquals(AuditEvent.SUCCESS, issuedEntry.outcome());
        assertEquals("demo-admin", issuedEntry.actor());
        assertTrue(issuedEntry.detail().endsWith(", via BROWSER_RENEWAL"), issuedEntry.detail());
        assertEquals(1, store.audit("RENEWAL_STARTED").size());
        assertEquals(1, store.audit("RENEWAL_AWAITING_KEY").size());
        assertEquals(List.of(expected), authority.signed().stream().skip(1).map(FakeCertificateAuthority.Signed::subject).toList());
    }

    @Test
    void preparingTwiceReturnsTheSameAwaitingRenewal() {
        world.moveIntoRenewalWindow();
        AuthenticatedId who = world.admin();
        Renewal.Started started = world.startRenewal.start(who);

        Renewal.AwaitingKey first = world.prepareRenewal.prepare(started.id(), who);
        Renewal.AwaitingKey again = world.prepareRenewal.prepare(started.id(), who);

        assertEquals(first.id(), again.id());
        assertEquals(RenewalState.AWAITING_KEY, store.renewal(started.id()).state());
        assertEquals(1, store.audit("RENEWAL_AWAITING_KEY").size());
    }

    @Test
    void submitBeforePrepareIsRefusedAndLeavesTheRenewalStarted() {
        world.moveIntoRenewalWindow();
        AuthenticatedId who = world.admin();
        Renewal.Started started = world.startRenewal.start(who);

        assertRefused(Code.RENEWAL_NOT_FOUND, () -> world.submitRequest.submit(
                new SubmitCertificateRequestCommand(started.id(), who, FakeCertificateAuthority.request())));
        assertEquals(RenewalState.STARTED, store.renewal(started.id()).state());
        assertEquals(1, authority.signed().size());
    }

    @Test
    void anotherIdsRenewalIsNotFound() {
        world.moveIntoRenewalWindow();
        Renewal.Started started = world.startRenewal.start(world.admin());
        AuthenticatedId stranger = new AuthenticatedId(TestWorld.USER, CONTRACT.number(),
                certrenewal.domain.account.IdKind.USER, SerialNumber.ofHex("99"));

        assertRefused(Code.RENEWAL_NOT_FOUND, () -> world.prepareRenewal.prepare(started.id(), stranger));
        assertRefused(Code.RENEWAL_NOT_FOUND, () -> world.abandonRenewal.abandon(started.id(), stranger, "no"));
        assertRefused(Code.RENEWAL_NOT_FOUND, () -> world.prepareRenewal.prepare(RenewalId.random(), world.admin()));
        assertEquals(RenewalState.STARTED, store.renewal(started.id()).state());
    }

    // ---- EST ----

    @Test
    void estRenewalIssuesInOneStep() {
        world.moveIntoRenewalWindow();
        AuthenticatedId who = world.admin();

        IssuedCertificate issued = world.renewWithCertificate.renew(who, FakeCertificateAuthority.request("CN=mallory,C=US"));

        Certificate certificate = issued.certificate();
        assertEquals(certificate, store.certificate(certificate.serial()));
        assertEquals(firstCertificate.subject(), certificate.subject());
        assertEquals(new X500Principal(firstCertificate.subject().rfc4514()),
                FakeCertificateAuthority.parse(certificate.der()).getSubjectX500Principal());
        List<Renewal> renewals = store.renewals();
        assertEquals(1, renewals.size());
        Renewal.Issued renewal = assertInstanceOf(Renewal.Issued.class, renewals.get(0));
        assertEquals(certificate.serial(), renewal.newSerial());
        assertEquals(oldSerial, renewal.oldSerial());
        assertEquals(Optional.of(oldSerial), store.account(ADMIN).currentCertificateSerial());
        assertEquals(AuditEvent.SUCCESS, store.audit("RENEWAL_ISSUED").getLast().outcome());
        assertEquals("certificate:" + certificate.serial().hex(), store.audit("CERTIFICATE_ISSUED").getLast().target());
        assertTrue(store.audit("CERTIFICATE_ISSUED").getLast().detail().endsWith(", via EST"));
        assertArrayEquals(authority.caCertificate(), issued.caChain().get(0));
    }

    @Test
    void estRenewalFollowsTheSameRules() {
        AuthenticatedId who = world.admin(); // at T0: the window is not open yet

        assertRefused(Code.OUTSIDE_RENEWAL_WINDOW, () -> world.renewWithCertificate.renew(who, FakeCertificateAuthority.request()));
        assertEquals(List.of(), store.renewals());
        assertEquals(1, authority.signed().size());
        AuditEvent refusal = store.audit("RENEWAL_REQUESTED").getLast();
        assertEquals(AuditEvent.REFUSED, refusal.outcome());
        assertTrue(refusal.detail().startsWith("OUTSIDE_RENEWAL_WINDOW"), refusal.detail());
    }

    @Test
    void badRequestInRenewIsRefusedBeforeAnythingIsRecorded() {
        world.moveIntoRenewalWindow();
        AuthenticatedId who = world.admin();
        int certificatesBefore = store.certificates().size();

        assertRefused(Code.BAD_REQUEST_SIGNATURE, () -> world.renewWithCertificate.renew(who, FakeCertificateAuthority.requestWithBadSignature()));
        assertRefused(Code.MALFORMED_REQUEST, () -> world.renewWithCertificate.renew(who, new byte[] {0x30, 0x03, 1, 2, 3}));
        authority.refuseRequests(Rejection.of(Code.KEY_NOT_ACCEPTED, "RSA keys of 1024 bits are not accepted."));
        RequestRefusedException e = assertRefused(Code.KEY_NOT_ACCEPTED,
                () -> world.renewWithCertificate.renew(who, FakeCertificateAuthority.request()));

        assertEquals("RSA keys of 1024 bits are not accepted.", e.getMessage());
        assertEquals(List.of(), store.renewals());
        assertEquals(certificatesBefore, store.certificates().size());
        assertEquals(1, authority.signed().size());
        assertEquals(List.of(AuditEvent.REFUSED, AuditEvent.REFUSED, AuditEvent.REFUSED),
                store.audit("RENEWAL_REQUESTED").stream().map(AuditEvent::outcome).toList());
    }

    @Test
    void signingFailureInRenewStoresNoCertificateAndRecordsAFailedRenewal() {
        world.moveIntoRenewalWindow();
        AuthenticatedId who = world.admin();
        authority.failSigning(new IllegalStateException("HSM unavailable"));

        assertRefused(Code.ISSUANCE_FAILED, () -> world.renewWithCertificate.renew(who, FakeCertificateAuthority.request()));

        assertEquals(List.of(firstCertificate), store.certificates());
        assertEquals(1, store.audit("CERTIFICATE_ISSUED").size()); // the first issuance only
        Renewal.Failed failed = assertInstanceOf(Renewal.Failed.class, store.renewals().getFirst());
        assertEquals(Code.ISSUANCE_FAILED, failed.reason().code());
        assertEquals(oldSerial, failed.oldSerial());
        AuditEvent entry = store.audit("RENEWAL_REQUESTED").getLast();
        assertEquals(AuditEvent.FAILED, entry.outcome());
        assertTrue(entry.detail().contains("ISSUANCE_FAILED"), entry.detail());
        assertEquals(Optional.of(oldSerial), store.account(ADMIN).currentCertificateSerial());
        // and the customer may simply try again
        authority.failSigning(null);
        assertEquals(RenewalState.ISSUED, store.renewal(idOfIssued(world.renewWithCertificate.renew(who, FakeCertificateAuthority.request()))).state());
    }

    // ---- refusals ----

    @Test
    void renewalIsRefusedOutsideTheWindow() {
        world.clock.set(TestWorld.POLICY.windowOpensAt(world.firstExpiry()).minusMillis(1));
        AuthenticatedId who = world.admin();

        RequestRefusedException e = assertRefused(Code.OUTSIDE_RENEWAL_WINDOW, () -> world.startRenewal.start(who));

        assertTrue(e.getMessage().contains(TestWorld.POLICY.windowOpensAt(world.firstExpiry()).toString()), e.getMessage());
        assertEquals(List.of(), store.renewals());
        AuditEvent refusal = store.audit("RENEWAL_STARTED").getLast();
        assertEquals(AuditEvent.REFUSED, refusal.outcome());
        assertEquals("login-id:demo-admin", refusal.target());
    }

    @Test
    void renewalMayStartTheInstantTheWindowOpens() {
        world.clock.set(TestWorld.POLICY.windowOpensAt(world.firstExpiry()));

        assertEquals(RenewalState.STARTED, world.startRenewal.start(world.admin()).state());
    }

    @Test
    void renewalIsRefusedWhenIdIsLocked() {
        world.moveIntoRenewalWindow();
        AuthenticatedId who = world.admin();
        LoginAccount account = store.account(ADMIN);
        for (int i = 0; i < 6; i++) {
            account = account.recordFailedPassword(6);
        }
        store.put(account);

        assertRefused(Code.ID_LOCKED, () -> world.startRenewal.start(who));
        assertRefused(Code.ID_LOCKED, () -> world.renewWithCertificate.renew(who, FakeCertificateAuthority.request()));
        assertEquals(List.of(), store.renewals());
    }

    @Test
    void renewalIsRefusedWhenIdIsRevoked() {
        world.moveIntoRenewalWindow();
        AuthenticatedId who = world.admin();
        LoginAccount account = store.account(ADMIN);
        store.put(new LoginAccount(account.id(), account.contract(), account.kind(), AccountStatus.REVOKED, 0,
                account.currentCertificate(), account.version()));

        assertRefused(Code.ID_REVOKED, () -> world.startRenewal.start(who));
        assertRefused(Code.ID_REVOKED, () -> world.renewWithCertificate.renew(who, FakeCertificateAuthority.request()));
        assertEquals(List.of(), store.renewals());
    }

    @Test
    void renewalIsRefusedWhenCertificateIsRevoked() {
        world.moveIntoRenewalWindow();
        AuthenticatedId who = world.admin();
        store.put(firstCertificate.revoke(RevocationReason.KEY_COMPROMISE, world.clock.instant()));

        assertRefused(Code.CERTIFICATE_REVOKED, () -> world.startRenewal.start(who));
        assertRefused(Code.CERTIFICATE_REVOKED, () -> world.renewWithCertificate.renew(who, FakeCertificateAuthority.request()));
        assertEquals(List.of(), store.renewals());
    }

    @Test
    void renewalIsRefusedAfterTheGracePeriodNamingWhoCanReissue() {
        world.moveIntoRenewalWindow();
        AuthenticatedId who = world.admin();
        world.clock.set(world.firstExpiry().plus(Duration.ofDays(TestWorld.POLICY.graceDays())));

        // an administrator ID: the bank re-issues it
        assertRefused(Code.EXPIRED_REISSUE_BY_BANK, () -> world.startRenewal.start(who));
        assertRefused(Code.EXPIRED_REISSUE_BY_BANK, () -> world.renewWithCertificate.renew(who, FakeCertificateAuthority.request()));
        assertRefused(Code.EXPIRED_REISSUE_BY_BANK, () -> world.authentication.authenticateForRenewal(
                world.first.certificate().der(), certrenewal.application.port.in.ClientAddress.IN_PROCESS));
        assertEquals(List.of(), store.renewals());
    }

    @Test
    void anExpiredCertificateIsRenewedInTheBrowserWithinTheGracePeriodAndTheAuditSaysItWasAfterExpiry() {
        world.clock.set(world.firstExpiry().plus(Duration.ofDays(30)));
        AuthenticatedId who = world.authentication.authenticateForRenewal(world.first.certificate().der(),
                certrenewal.application.port.in.ClientAddress.IN_PROCESS);
        assertEquals(certrenewal.domain.account.AccessScope.RENEWAL_AFTER_EXPIRY, who.scope());

        IssuedCertificate renewed = world.renewInBrowser(who);

        // the new certificate's validity starts at its issuance, as for any renewal
        assertEquals(world.clock.instant(), renewed.certificate().notBefore());
        assertEquals(world.clock.instant().plus(TestWorld.VALIDITY), renewed.certificate().notAfter());
        assertTrue(store.audit("RENEWAL_STARTED").getFirst().detail().contains("after expiry"),
                store.audit("RENEWAL_STARTED").toString());
    }

    @Test
    void anExpiredCertificateIsRenewedOverEstWithinTheGracePeriodButAuthenticatesForNothingElse() {
        world.clock.set(world.firstExpiry().plus(Duration.ofDays(89)));
        byte[] der = world.first.certificate().der();

        assertRefused(Code.CERTIFICATE_EXPIRED, () -> world.authentication.authenticate(der));
        IssuedCertificate renewed = world.renewWithCertificate.renew(world.authentication.authenticateForRenewal(der,
                certrenewal.application.port.in.ClientAddress.IN_PROCESS), FakeCertificateAuthority.request());

        assertEquals(CertificateStatus.ACTIVE, renewed.certificate().statusAt(world.clock.instant()));
        assertTrue(store.audit("RENEWAL_ISSUED").getFirst().detail().contains("after expiry"),
                store.audit("RENEWAL_ISSUED").toString());
    }

    @Test
    void renewalIsRefusedWhenCertificateIsSuperseded() {
        world.moveIntoRenewalWindow();
        AuthenticatedId old = world.admin();
        IssuedCertificate renewed = world.renewInBrowser(old);
        world.authentication.authenticate(renewed.certificate().der()); // first use supersedes the old one

        assertRefused(Code.CERTIFICATE_SUPERSEDED, () -> world.startRenewal.start(old));
        assertRefused(Code.CERTIFICATE_SUPERSEDED, () -> world.renewWithCertificate.renew(old, FakeCertificateAuthority.request()));
    }

    @Test
    void renewalIsRefusedWhileAnotherIsOpen() {
        world.moveIntoRenewalWindow();
        AuthenticatedId who = world.admin();
        Renewal.Started first = world.startRenewal.start(who);
        world.clock.advance(Duration.ofMinutes(15).minusMillis(1));

        assertRefused(Code.RENEWAL_ALREADY_OPEN, () -> world.startRenewal.start(who));
        assertRefused(Code.RENEWAL_ALREADY_OPEN, () -> world.renewWithCertificate.renew(who, FakeCertificateAuthority.request()));
        assertEquals(List.of(first.id()), store.renewals().stream().map(Renewal::id).toList());
        assertEquals(RenewalState.STARTED, store.renewal(first.id()).state());
        assertEquals(1, authority.signed().size());
    }

    @Test
    void timedOutRenewalIsAbandonedAndANewOneMayStart() {
        world.moveIntoRenewalWindow();
        AuthenticatedId who = world.admin();
        Renewal.Started first = world.startRenewal.start(who);
        world.prepareRenewal.prepare(first.id(), who);
        world.clock.advance(Duration.ofMinutes(15));

        Renewal.Started second = world.startRenewal.start(who);

        Renewal.Abandoned abandoned = assertInstanceOf(Renewal.Abandoned.class, store.renewal(first.id()));
        assertEquals("timed out", abandoned.reason());
        assertEquals(world.clock.instant(), abandoned.endedAt());
        assertEquals(RenewalState.STARTED, store.renewal(second.id()).state());
        assertEquals("system", store.audit("RENEWAL_ABANDONED").getLast().actor());
    }

    @Test
    void timedOutRenewalCanNoLongerBeUsed() {
        world.moveIntoRenewalWindow();
        AuthenticatedId who = world.admin();
        Renewal.Started started = world.startRenewal.start(who);
        world.prepareRenewal.prepare(started.id(), who);
        world.clock.advance(Duration.ofMinutes(15));

        assertRefused(Code.RENEWAL_TIMED_OUT, () -> world.submitRequest.submit(
                new SubmitCertificateRequestCommand(started.id(), who, FakeCertificateAuthority.request())));

        assertEquals("timed out", assertInstanceOf(Renewal.Abandoned.class, store.renewal(started.id())).reason());
        assertEquals(1, authority.signed().size());
        assertEquals(1, authority.checkedRequests()); // the first issuance's only: this request was not even read
        assertRefused(Code.RENEWAL_NOT_FOUND, () -> world.prepareRenewal.prepare(started.id(), who));
    }

    // ---- submit failures ----

    @Test
    void badRequestInSubmitLeavesTheRenewalFailedWithTheReason() {
        world.moveIntoRenewalWindow();
        AuthenticatedId who = world.admin();
        Renewal.Started started = world.startRenewal.start(who);
        world.prepareRenewal.prepare(started.id(), who);

        assertRefused(Code.BAD_REQUEST_SIGNATURE, () -> world.submitRequest.submit(
                new SubmitCertificateRequestCommand(started.id(), who, FakeCertificateAuthority.requestWithBadSignature())));

        Renewal.Failed failed = assertInstanceOf(Renewal.Failed.class, store.renewal(started.id()));
        assertEquals(Rejection.of(Code.BAD_REQUEST_SIGNATURE), failed.reason());
        assertEquals(world.clock.instant(), failed.endedAt());
        assertEquals(List.of(firstCertificate), store.certificates());
        AuditEvent entry = store.audit("RENEWAL_FAILED").getLast();
        assertEquals(AuditEvent.REFUSED, entry.outcome());
        assertTrue(entry.detail().startsWith("BAD_REQUEST_SIGNATURE"), entry.detail());
        // a failed renewal does not block the next one
        assertEquals(RenewalState.STARTED, world.startRenewal.start(who).state());
    }

    @Test
    void signingFailureInSubmitHandsNothingOutAndFailsTheRenewal() {
        world.moveIntoRenewalWindow();
        AuthenticatedId who = world.admin();
        Renewal.Started started = world.startRenewal.start(who);
        world.prepareRenewal.prepare(started.id(), who);
        authority.failSigning(new IllegalStateException("HSM unavailable"));

        assertRefused(Code.ISSUANCE_FAILED, () -> world.submitRequest.submit(
                new SubmitCertificateRequestCommand(started.id(), who, FakeCertificateAuthority.request())));

        assertNothingIssuedAndRenewalFailed(started.id());
    }

    @Test
    void failureAfterSigningRollsBackTheCertificateRecord() {
        world.moveIntoRenewalWindow();
        AuthenticatedId who = world.admin();
        Renewal.Started started = world.startRenewal.start(who);
        world.prepareRenewal.prepare(started.id(), who);
        store.failAuditAppendsOf("CERTIFICATE_ISSUED");

        assertRefused(Code.ISSUANCE_FAILED, () -> world.submitRequest.submit(
                new SubmitCertificateRequestCommand(started.id(), who, FakeCertificateAuthority.request())));

        assertEquals(2, authority.signed().size()); // it was signed, but never stored nor handed out
        assertNull(store.certificate(authority.signed().get(1).serial()));
        assertNothingIssuedAndRenewalFailed(started.id());
    }

    @Test
    void unavailableCaChainHandsNothingOut() {
        world.moveIntoRenewalWindow();
        AuthenticatedId who = world.admin();
        Renewal.Started started = world.startRenewal.start(who);
        world.prepareRenewal.prepare(started.id(), who);
        authority.failCaCertificates(new IllegalStateException("chain file missing"));

        assertRefused(Code.ISSUANCE_FAILED, () -> world.submitRequest.submit(
                new SubmitCertificateRequestCommand(started.id(), who, FakeCertificateAuthority.request())));
        assertNothingIssuedAndRenewalFailed(started.id());
        assertRefused(Code.ISSUANCE_FAILED, () -> world.renewWithCertificate.renew(who, FakeCertificateAuthority.request()));
        assertEquals(List.of(firstCertificate), store.certificates());
    }

    @Test
    void renewalEndedByAnotherRequestDuringSubmitIssuesNothing() {
        world.moveIntoRenewalWindow();
        AuthenticatedId who = world.admin();
        Renewal.Started started = world.startRenewal.start(who);
        world.prepareRenewal.prepare(started.id(), who);
        authority.whileChecking(() -> world.abandonRenewal.abandon(started.id(), who, "declined in another tab"));

        RequestRefusedException e = assertRefused(Code.RENEWAL_NOT_FOUND, () -> world.submitRequest.submit(
                new SubmitCertificateRequestCommand(started.id(), who, FakeCertificateAuthority.request())));

        assertEquals("This renewal was completed or ended by another request.", e.getMessage());
        assertEquals("declined in another tab",
                assertInstanceOf(Renewal.Abandoned.class, store.renewal(started.id())).reason());
        assertEquals(List.of(firstCertificate), store.certificates());
        assertEquals(1, store.audit("CERTIFICATE_ISSUED").size());
    }

    @Test
    void idLockedBetweenStartAndSubmitFailsTheRenewal() {
        world.moveIntoRenewalWindow();
        AuthenticatedId who = world.admin();
        Renewal.Started started = world.startRenewal.start(who);
        world.prepareRenewal.prepare(started.id(), who);
        store.put(store.account(ADMIN).recordFailedPassword(1));

        assertRefused(Code.ID_LOCKED, () -> world.submitRequest.submit(
                new SubmitCertificateRequestCommand(started.id(), who, FakeCertificateAuthority.request())));

        assertEquals(Code.ID_LOCKED, assertInstanceOf(Renewal.Failed.class, store.renewal(started.id())).reason().code());
        assertEquals(1, authority.signed().size());
    }

    // ---- replacing an issued but unused renewal ----

    @Test
    void startingANewRenewalReplacesAnIssuedButUnusedOne() {
        world.moveIntoRenewalWindow();
        AuthenticatedId who = world.admin();
        IssuedCertificate unused = world.renewInBrowser(who);
        RenewalId firstRenewal = idOfIssued(unused);
        world.clock.advance(Duration.ofHours(2));

        Renewal.Started second = world.startRenewal.start(who);

        Renewal.Abandoned replaced = assertInstanceOf(Renewal.Abandoned.class, store.renewal(firstRenewal));
        assertTrue(replaced.reason().contains("replaced"), replaced.reason());
        Certificate superseded = store.certificate(unused.certificate().serial());
        assertEquals(CertificateStatus.SUPERSEDED, superseded.storedStatus());
        assertEquals(world.clock.instant(), superseded.revokedAt());
        assertEquals(CertificateStatus.ACTIVE, store.certificate(oldSerial).storedStatus());
        assertEquals(RenewalState.STARTED, store.renewal(second.id()).state());
        assertEquals("renewal:" + firstRenewal, store.audit("RENEWAL_REPLACED").getLast().target());
        // the unused certificate no longer works; the old one still does
        assertRefused(Code.CERTIFICATE_SUPERSEDED, () -> world.authentication.authenticate(unused.certificate().der()));
        assertEquals(oldSerial, world.authentication.authenticate(firstCertificate.der()).certificate());
    }

    @Test
    void estRenewalAlsoReplacesAnIssuedButUnusedOne() {
        world.moveIntoRenewalWindow();
        AuthenticatedId who = world.admin();
        IssuedCertificate unused = world.renewWithCertificate.renew(who, FakeCertificateAuthority.request());
        RenewalId firstRenewal = idOfIssued(unused);

        IssuedCertificate second = world.renewWithCertificate.renew(who, FakeCertificateAuthority.request());

        assertEquals(RenewalState.ABANDONED, store.renewal(firstRenewal).state());
        assertEquals(CertificateStatus.SUPERSEDED, store.certificate(unused.certificate().serial()).storedStatus());
        assertEquals(RenewalState.ISSUED, store.renewal(idOfIssued(second)).state());
        assertEquals(CertificateStatus.ACTIVE, store.certificate(second.certificate().serial()).storedStatus());
    }

    // ---- abandoning ----

    @Test
    void abandonEndsTheRenewalAndKeepsTheOldCertificate() {
        world.moveIntoRenewalWindow();
        AuthenticatedId who = world.admin();
        Renewal.Started started = world.startRenewal.start(who);
        world.clock.advance(Duration.ofMinutes(1));

        world.abandonRenewal.abandon(started.id(), who, "declined");

        Renewal.Abandoned abandoned = assertInstanceOf(Renewal.Abandoned.class, store.renewal(started.id()));
        assertEquals("declined", abandoned.reason());
        assertEquals(world.clock.instant(), abandoned.endedAt());
        AuditEvent entry = store.audit("RENEWAL_ABANDONED").getLast();
        assertEquals("demo-admin", entry.actor());
        assertEquals("declined", entry.detail());
        assertEquals(Optional.of(oldSerial), store.account(ADMIN).currentCertificateSerial());
        assertRefused(Code.RENEWAL_NOT_FOUND, () -> world.prepareRenewal.prepare(started.id(), who));
        assertEquals(RenewalState.STARTED, world.startRenewal.start(who).state());
    }

    @Test
    void abandoningATimedOutRenewalSaysSo() {
        world.moveIntoRenewalWindow();
        AuthenticatedId who = world.admin();
        Renewal.Started started = world.startRenewal.start(who);
        world.clock.advance(Duration.ofMinutes(20));

        assertRefused(Code.RENEWAL_TIMED_OUT, () -> world.abandonRenewal.abandon(started.id(), who, "declined"));
        assertEquals("timed out", assertInstanceOf(Renewal.Abandoned.class, store.renewal(started.id())).reason());
    }

    @Test
    void abandoningAConfirmedRenewalIsRefused() {
        world.moveIntoRenewalWindow();
        AuthenticatedId who = world.admin();
        IssuedCertificate renewed = world.renewInBrowser(who);
        RenewalId issued = idOfIssued(renewed);
        world.authentication.authenticate(renewed.certificate().der());

        assertRefused(Code.RENEWAL_NOT_FOUND, () -> world.abandonRenewal.abandon(issued, who, "declined"));
        assertEquals(RenewalState.CONFIRMED, store.renewal(issued).state());
    }

    @Test
    void abandonTimedOutEndsOnlyStaleOpenRenewals() {
        Instant now = Instant.parse("2026-03-01T12:00:00Z");
        world.clock.set(now);
        Renewal.Started stale = Renewal.start(new certrenewal.domain.account.LoginId("a"), oldSerial, now.minus(Duration.ofMinutes(20)));
        Renewal.AwaitingKey staleAwaiting = Renewal.start(new certrenewal.domain.account.LoginId("b"), oldSerial,
                now.minus(Duration.ofMinutes(16))).awaitKey();
        Renewal.Started fresh = Renewal.start(new certrenewal.domain.account.LoginId("c"), oldSerial, now.minus(Duration.ofMinutes(14)));
        Renewal.Issued issued = Renewal.start(new certrenewal.domain.account.LoginId("d"), oldSerial, now.minus(Duration.ofHours(1)))
                .awaitKey().issue(SerialNumber.ofHex("abcdef"), now.minus(Duration.ofMinutes(59)));
        List.of(stale, staleAwaiting, fresh, issued).forEach(store::put);

        assertEquals(2, world.abandonTimedOut.abandonTimedOut());

        assertEquals("timed out", assertInstanceOf(Renewal.Abandoned.class, store.renewal(stale.id())).reason());
        assertEquals("timed out", assertInstanceOf(Renewal.Abandoned.class, store.renewal(staleAwaiting.id())).reason());
        assertEquals(RenewalState.STARTED, store.renewal(fresh.id()).state());
        assertEquals(RenewalState.ISSUED, store.renewal(issued.id()).state());
        assertEquals(2, store.audit("RENEWAL_ABANDONED").size());
        assertEquals(0, world.abandonTimedOut.abandonTimedOut());
    }

    private void assertNothingIssuedAndRenewalFailed(RenewalId id) {
        assertEquals(List.of(firstCertificate), store.certificates());
        assertEquals(1, store.audit("CERTIFICATE_ISSUED").size()); // the first issuance only
        Renewal.Failed failed = assertInstanceOf(Renewal.Failed.class, store.renewal(id));
        assertEquals(Rejection.of(Code.ISSUANCE_FAILED), failed.reason());
        assertEquals("The certificate could not be issued; the current certificate stays valid.", failed.reason().message());
        AuditEvent entry = store.audit("RENEWAL_FAILED").getLast();
        assertEquals(AuditEvent.FAILED, entry.outcome());
        assertEquals("renewal:" + id, entry.target());
        assertEquals(Optional.of(oldSerial), store.account(ADMIN).currentCertificateSerial());
        assertEquals(CertificateStatus.ACTIVE, store.certificate(oldSerial).storedStatus());
    }

    private RenewalId idOfIssued(IssuedCertificate issued) {
        return store.findUnconfirmedRenewalIssuing(issued.certificate().serial()).orElseThrow().id();
    }

    static RequestRefusedException assertRefused(Code expected, Executable call) {
        RequestRefusedException e = assertThrows(RequestRefusedException.class, call);
        assertEquals(expected, e.rejection().code(), e.getMessage());
        return e;
    }
}
