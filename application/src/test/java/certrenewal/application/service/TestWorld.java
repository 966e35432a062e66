package certrenewal.application.service;

import certrenewal.application.port.in.AuthenticatedId;
import certrenewal.application.port.in.IssueCertificateCommand;
import certrenewal.application.port.in.IssuedCertificate;
import certrenewal.application.port.in.RegisterContractCommand;
import certrenewal.application.port.in.RegisterLoginIdCommand;
import certrenewal.application.port.in.SubmitCertificateRequestCommand;
import certrenewal.domain.account.Contract;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.IdKind;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.renewal.Renewal;
import certrenewal.domain.renewal.RenewalPolicy;
import java.time.Duration;
import java.time.Instant;

/**
 * The services wired to in-memory fakes, as the composition root wires them to real adapters,
 * plus a customer who already holds a first certificate.
 */
final class TestWorld {
    static final Instant T0 = Instant.parse("2025-04-01T09:00:00Z");
    static final Duration VALIDITY = Duration.ofDays(365);
    static final Contract CONTRACT = new Contract(new ContractNumber("C0001"), "株式会社テスト商事");
    static final LoginId ADMIN = new LoginId("demo-admin");
    static final LoginId USER = new LoginId("demo-user");
    static final RenewalPolicy POLICY = RenewalPolicy.DEFAULT;

    final MutableClock clock = new MutableClock(T0);
    final InMemoryStore store = new InMemoryStore();
    final FakeCertificateAuthority authority = new FakeCertificateAuthority();
    final RegistrationService registration = new RegistrationService(store, store, store, store, authority, store, store,
            POLICY, clock);
    final RenewalService renewals = new RenewalService(store, store, store, store, store, store, authority, store, store,
            POLICY, clock);
    final AuthenticationService authentication = new AuthenticationService(store, store, store, store, store, store, store,
            clock);
    final CertificateQueryService queries = new CertificateQueryService(store, store, store, authority, POLICY, clock);

    /** The administrator's first certificate, issued at T0. */
    final IssuedCertificate first;

    TestWorld() {
        registration.register(new RegisterContractCommand(CONTRACT, ADMIN, "staff:tanaka"));
        registration.register(new RegisterLoginIdCommand(CONTRACT.number(), USER, IdKind.USER, "demo-admin"));
        first = registration.issue(new IssueCertificateCommand(ADMIN, FakeCertificateAuthority.request(), VALIDITY, "demo-admin"));
    }

    Instant firstExpiry() {
        return first.certificate().notAfter();
    }

    /** Five days into the renewal window of the first certificate. */
    void moveIntoRenewalWindow() {
        clock.set(POLICY.windowOpensAt(firstExpiry()).plus(Duration.ofDays(5)));
    }

    /** Who the administrator is when presenting the first certificate. */
    AuthenticatedId admin() {
        return authentication.authenticate(first.certificate().der());
    }

    /** The browser flow up to an issued certificate. */
    IssuedCertificate renewInBrowser(AuthenticatedId who) {
        Renewal.Started started = renewals.start(who);
        renewals.prepare(started.id(), who);
        return renewals.submit(new SubmitCertificateRequestCommand(started.id(), who, FakeCertificateAuthority.request()));
    }
}
