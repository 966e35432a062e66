package certrenewal.application.service;

import certrenewal.application.port.in.AuthenticatedId;
import certrenewal.application.port.in.IssueCertificateCommand;
import certrenewal.application.port.in.IssuedCertificate;
import certrenewal.application.port.in.RegisterContractCommand;
import certrenewal.application.port.in.RegisterLoginIdCommand;
import certrenewal.application.port.in.SubmitCertificateRequestCommand;
import certrenewal.domain.administration.StaffAccount;
import certrenewal.domain.account.AccountStatus;
import certrenewal.domain.account.Contract;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.IdKind;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.StaffRole;
import certrenewal.domain.renewal.Renewal;
import certrenewal.domain.renewal.RenewalPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

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
    static final Duration PICKUP_PERIOD = Duration.ofDays(80);
    static final Duration CRL_VALIDITY = Duration.ofHours(24);
    static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");
    static final int MAX_FAILED_PASSWORDS = 6;
    /** Login passwords that {@link #setLoginPassword} gives: the ID's name and this suffix. */
    static final String PASSWORD_SUFFIX = "-password";
    static final Actor.CustomerAdministrator ADMIN_ACTOR = new Actor.CustomerAdministrator(ADMIN, CONTRACT.number());
    static final Actor.Staff OPERATOR = new Actor.Staff("tanaka", StaffRole.OPERATOR);
    static final Actor.Staff AUDITOR = new Actor.Staff("suzuki", StaffRole.AUDITOR);
    static final Actor.SystemTask SYSTEM = new Actor.SystemTask("test");

    final MutableClock clock = new MutableClock(T0);
    final InMemoryStore store = new InMemoryStore();
    final FakeCertificateAuthority authority = new FakeCertificateAuthority();
    final RegistrationService registration = new RegistrationService(store, store, store, store, authority, store, store,
            POLICY, clock);
    final CrlService crl = new CrlService(store, authority, CRL_VALIDITY, clock);
    final RenewalService renewals = new RenewalService(store, store, store, store, store, store, authority, store, store,
            crl, POLICY, clock);
    final AuthenticationService authentication = new AuthenticationService(store, store, store, store, store, store, store,
            crl, clock);
    final CertificateQueryService queries = new CertificateQueryService(store, store, store, authority, POLICY, clock);
    final FakePasswordHasher hasher = new FakePasswordHasher();
    final InMemoryConsoleQueries consoleQueries = new InMemoryConsoleQueries(store);
    final AdministrationService administration = new AdministrationService(store, store, store, store, store, store,
            store, hasher, store, store, consoleQueries, crl, store, store, PICKUP_PERIOD, clock);
    final PickupCertificateService pickUp = new PickupCertificateService(store, store, store, store, hasher, store, store, authority, store,
            store, POLICY, MAX_FAILED_PASSWORDS, clock);
    final LoginService login = new LoginService(store, store, store, hasher, authentication, store, store,
            MAX_FAILED_PASSWORDS, clock);
    final StaffService staff = new StaffService(store, hasher, store, store, MAX_FAILED_PASSWORDS, clock);
    final ConsoleQueryService console = new ConsoleQueryService(consoleQueries, store, store, ZONE, Duration.ZERO, clock);
    final AuditTrailService auditTrail = new AuditTrailService(consoleQueries, store, store, clock);

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

    // ---- administration set-up: stored directly, leaving no audit entries ----

    static String passwordOf(LoginId id) {
        return id.value() + PASSWORD_SUFFIX;
    }

    static String passwordOf(Actor.Staff member) {
        return member.username() + PASSWORD_SUFFIX;
    }

    /** Gives the ID the login password {@link #passwordOf(LoginId)}. */
    void setLoginPassword(LoginId id) {
        store.putPasswordHash(id, hasher.hash(passwordOf(id).toCharArray()));
    }

    /** A staff account whose password is {@link #passwordOf(Actor.Staff)}. */
    void addStaff(Actor.Staff member) {
        store.put(new StaffAccount(member.username(), member.role(), hasher.hash(passwordOf(member).toCharArray()), 0, false, 0));
    }

    /** The user ID's first certificate, issued now. */
    IssuedCertificate issueToUser() {
        return registration.issue(new IssueCertificateCommand(USER, FakeCertificateAuthority.request(), VALIDITY, "demo-admin"));
    }

    void lock(LoginId id) {
        LoginAccount account = store.account(id);
        store.put(new LoginAccount(id, account.contract(), account.kind(), AccountStatus.LOCKED, MAX_FAILED_PASSWORDS,
                account.currentCertificate(), account.version()));
    }
}
