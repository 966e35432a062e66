package certrenewal.application.service;

import certrenewal.application.port.in.AuthenticatedId;
import certrenewal.application.port.in.ClientAddress;
import certrenewal.application.port.in.IssueCertificateCommand;
import certrenewal.application.port.in.IssuedCertificate;
import certrenewal.application.port.in.admin.OpenContractCommand;
import certrenewal.application.port.in.admin.RegisterUserIdCommand;
import certrenewal.application.port.in.SubmitCertificateRequestCommand;
import certrenewal.domain.administration.StaffAccount;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.AccountStatus;
import certrenewal.domain.account.Contract;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.IdKind;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.account.LoginPassword;
import certrenewal.domain.account.PickupThrottle;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.StaffCertificateLogin;
import certrenewal.domain.administration.StaffLockout;
import certrenewal.domain.certificate.IssuanceRules;
import certrenewal.domain.administration.StaffRole;
import certrenewal.domain.renewal.Renewal;
import certrenewal.domain.renewal.RenewalPolicy;
import certrenewal.domain.administration.DualControlAction;
import certrenewal.domain.administration.DualControlPolicy;
import java.time.Duration;
import java.util.EnumSet;
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
    static final IssuanceRules ISSUANCE_RULES = new IssuanceRules(5);
    static final Duration STAFF_CERTIFICATE_VALIDITY = Duration.ofDays(365);
    static final StaffLockout STAFF_LOCKOUT = new StaffLockout(MAX_FAILED_PASSWORDS, Duration.ofMinutes(15), Duration.ofHours(24));
    /** Login passwords that {@link #setLoginPassword} gives: the ID's name and this suffix. */
    static final String PASSWORD_SUFFIX = "-password";
    static final Actor.CustomerAdministrator ADMIN_ACTOR = new Actor.CustomerAdministrator(ADMIN, CONTRACT.number());
    static final Actor.Staff OPERATOR = new Actor.Staff("tanaka", StaffRole.OPERATOR);
    static final Actor.Staff AUDITOR = new Actor.Staff("suzuki", StaffRole.AUDITOR);
    static final Duration APPROVAL_DEADLINE = Duration.ofHours(24);
    static final Actor.SystemTask SYSTEM = new Actor.SystemTask("test");

    final MutableClock clock = new MutableClock(T0);
    final InMemoryStore store = new InMemoryStore();
    final FakeCertificateAuthority authority = new FakeCertificateAuthority();
    final FakePasswordHasher hasher = new FakePasswordHasher();
    final InMemoryConsoleQueries consoleQueries = new InMemoryConsoleQueries(store);
    final InMemoryCheckpoints checkpoints = new InMemoryCheckpoints();
    final InMemoryCrlStore crls = new InMemoryCrlStore();
    final CrlService crl = new CrlService(store, crls, authority, CRL_VALIDITY, Duration.ZERO, clock);
    final UnknownCallerRefusals unknownCallers = new UnknownCallerRefusals(store, store, clock, 3);

    // the customer's renewal
    final AuthenticateCertificateService authentication = new AuthenticateCertificateService(store, store, store, store,
            store, crl, store, store, unknownCallers, POLICY, clock);
    final LogInService logIn = new LogInService(store, store, store, hasher, authentication, store, store,
            MAX_FAILED_PASSWORDS, clock);
    final StartRenewalService startRenewal = new StartRenewalService(store, store, store, store, store, crl, store, store,
            POLICY, clock);
    final PrepareRenewalService prepareRenewal = new PrepareRenewalService(store, store, store, POLICY, clock);
    final SubmitCertificateRequestService submitRequest = new SubmitCertificateRequestService(store, store, store,
            store, authority, store, store, POLICY, ISSUANCE_RULES, clock);
    final AbandonRenewalService abandonRenewal = new AbandonRenewalService(store, store, store, crl, store, store, POLICY,
            clock);
    final AbandonTimedOutRenewalsService abandonTimedOut = new AbandonTimedOutRenewalsService(store, store, store, POLICY,
            clock);
    final RenewWithCertificateService renewWithCertificate = new RenewWithCertificateService(store, store, store,
            store, store, authority, crl, store, store, POLICY, ISSUANCE_RULES, clock);
    final GetCaCertificatesService caCertificates = new GetCaCertificatesService(authority);
    final GetCertificateOverviewService overview = new GetCertificateOverviewService(store, store, store, POLICY, clock);
    final GetIssuedCertificateService issuedCertificate = new GetIssuedCertificateService(store, store);
    final CheckCustomerSessionService checkCustomerSession = new CheckCustomerSessionService(store, store, POLICY, clock);
    final ChangeLoginPasswordService changePassword = new ChangeLoginPasswordService(store, store, store, store, hasher,
            store, store, MAX_FAILED_PASSWORDS, POLICY, clock);
    final CheckStaffSessionService checkStaffSession = new CheckStaffSessionService(store, store,
            StaffCertificateLogin.Requirement.OFF, clock);
    /** The console's session check where a staff certificate is required. */
    final CheckStaffSessionService checkStaffSessionWithCertificate = new CheckStaffSessionService(store, store,
            StaffCertificateLogin.Requirement.REQUIRED, clock);
    final ManageStaffService manageStaff = new ManageStaffService(store, store, hasher, store, store, clock);
    final ChangeStaffPasswordService changeStaffPassword = new ChangeStaffPasswordService(store, hasher, store, store,
            STAFF_LOCKOUT, clock);

    // administration
    final ConfirmationPasswords confirmations = new ConfirmationPasswords(store, store, store, store, hasher, store, store,
            MAX_FAILED_PASSWORDS, STAFF_LOCKOUT, clock);
    final OpenContractService openContract = new OpenContractService(DualControlPolicy.off(), store, store, store, store, store, hasher, store,
            PICKUP_PERIOD, store, store, clock);
    final RegisterUserIdService registerUserId = new RegisterUserIdService(store, store, store, store, store, hasher, store,
            PICKUP_PERIOD, confirmations, store, store, clock);
    final IssueCertificateService issueCertificate = new IssueCertificateService(store, store, store, store, store,
            authority, store, store, POLICY, ISSUANCE_RULES, clock);
    final PickupCertificateService pickUp = new PickupCertificateService(store, store, store, hasher, store, store,
            store, authority, store, store, POLICY, ISSUANCE_RULES, store, PickupThrottle.DEFAULT, unknownCallers, clock);
    final RevokeCertificateService revoke = new RevokeCertificateService(DualControlPolicy.off(), store, store, store, store, store, confirmations,
            crl, store, store, clock);
    final ReissueCertificateService reissue = new ReissueCertificateService(DualControlPolicy.off(), store, store, store, store, store, store, confirmations,
            hasher, store, PICKUP_PERIOD, crl, store, store, clock);
    final ChangeContactDetailsService changeContact = new ChangeContactDetailsService(store, confirmations, store, store,
            clock);
    final ChangeIdContactService changeIdContact = new ChangeIdContactService(store, store, confirmations, store, store,
            clock);
    final UnlockLoginIdService unlock = new UnlockLoginIdService(DualControlPolicy.off(), store, store, confirmations, store, store, clock);
    final ListContractIdsService listContractIds = new ListContractIdsService(store, consoleQueries, store, store, clock);

    // dual control, on for every action it covers; the direct services above run without it (single-action tests)
    final RequestApprovalService requestApproval = new RequestApprovalService(DualControlPolicy.all(),
            APPROVAL_DEADLINE, store, store, store, confirmations, hasher, store, store, clock);
    final DecideApprovalService decideApproval = new DecideApprovalService(store, confirmations, revoke, reissue, unlock,
            openContract, store, store, clock);
    final ListApprovalRequestsService listApprovals = new ListApprovalRequestsService(store, clock);
    final ExpireApprovalRequestsService expireApprovals = new ExpireApprovalRequestsService(store, store, store, clock);

    // the bank's console
    final StaffLoginService staffLogin = new StaffLoginService(store, store, StaffCertificateLogin.Requirement.OFF, hasher,
            store, store, STAFF_LOCKOUT, unknownCallers, clock);
    /** The console's login where a staff certificate is required. */
    final StaffLoginService staffLoginWithCertificate = new StaffLoginService(store, store,
            StaffCertificateLogin.Requirement.REQUIRED, hasher, store, store, STAFF_LOCKOUT, unknownCallers, clock);
    final IssueStaffCertificateService issueStaffCertificate = new IssueStaffCertificateService(store, store, authority,
            store, store, STAFF_CERTIFICATE_VALIDITY, clock);
    final BootstrapStaffService bootstrapStaff = new BootstrapStaffService(store, hasher, store, store, clock);
    /** What the inventory's port answers: a list the tests fill, cut at the limit asked for. */
    final java.util.List<certrenewal.application.readmodel.ExpiringCertificate> expiringRows = new java.util.ArrayList<>();
    final ListExpiringCertificatesService inventory = new ListExpiringCertificatesService(
            (now, until, limit) -> expiringRows.stream().limit(limit).toList(), store, store, clock);
    final ViewDashboardService dashboard = new ViewDashboardService(consoleQueries, store, store, ZONE, Duration.ZERO, clock);
    final SearchRecordsService searchRecords = new SearchRecordsService(consoleQueries, store, store, clock);
    final ReadAuditTrailService readAuditTrail = new ReadAuditTrailService(consoleQueries, store, store, clock);
    final VerifyAuditTrailService verifyAuditTrail = new VerifyAuditTrailService(consoleQueries, checkpoints, store, store,
            clock);
    final WriteAuditCheckpointService writeAuditCheckpoint = new WriteAuditCheckpointService(consoleQueries, checkpoints,
            clock);

    /** The administrator's first certificate, issued at T0. */
    final IssuedCertificate first;

    TestWorld() {
        openContract.open(new OpenContractCommand(SYSTEM, CONTRACT, ADMIN, new LoginPassword(passwordOf(ADMIN).toCharArray())));
        registerUserId.register(new RegisterUserIdCommand(SYSTEM, CONTRACT.number(), USER,
                new LoginPassword(passwordOf(USER).toCharArray()), new char[0]));
        store.inTransaction(() -> store.deleteGrant(USER)); // a user who will get a first certificate directly, as the administrator did
        first = issueCertificate.issue(new IssueCertificateCommand(ADMIN, FakeCertificateAuthority.request(), VALIDITY, SYSTEM));
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
        Renewal.Started started = startRenewal.start(who);
        prepareRenewal.prepare(started.id(), who);
        return submitRequest.submit(new SubmitCertificateRequestCommand(started.id(), who, FakeCertificateAuthority.request()));
    }

    // ---- administration set-up: stored directly, leaving no audit entries ----

    static String passwordOf(LoginId id) {
        return id.value() + PASSWORD_SUFFIX;
    }

    static String passwordOf(Actor.Staff member) {
        return member.username() + PASSWORD_SUFFIX;
    }

    /** A console login with a name that no staff account has, refused. */
    void staffLoginRefused(String username, ClientAddress from) {
        RenewalUseCasesTest.assertRefused(Code.WRONG_CREDENTIALS, () -> staffLogin.logIn(username, "x".toCharArray(), from));
    }

    /** The acting person's own password, as typed to confirm a grave action (nothing for the system). */
    static char[] confirmationOf(Actor actor) {
        return switch (actor) {
            case Actor.CustomerAdministrator admin -> passwordOf(admin.loginId()).toCharArray();
            case Actor.Staff member -> passwordOf(member).toCharArray();
            case Actor.SystemTask system -> new char[0];
        };
    }

    /** Another contract with its administrator ID, registered by the system; the ID's password is {@link #passwordOf(LoginId)}. */
    void addContract(Contract contract, LoginId administrator) {
        openContract.open(new OpenContractCommand(SYSTEM, contract, administrator,
                new LoginPassword(passwordOf(administrator).toCharArray())));
    }

    /** Gives the ID the login password {@link #passwordOf(LoginId)}. */
    void setLoginPassword(LoginId id) {
        store.putPasswordHash(id, hasher.hash(passwordOf(id).toCharArray()));
    }

    /** A staff account whose password is {@link #passwordOf(Actor.Staff)}. */
    void addStaff(Actor.Staff member) {
        store.put(StaffAccount.create(member.username(), member.role(), hasher.hash(passwordOf(member).toCharArray())));
    }

    /** The user ID's first certificate, issued now. */
    IssuedCertificate issueToUser() {
        return issueCertificate.issue(new IssueCertificateCommand(USER, FakeCertificateAuthority.request(), VALIDITY, SYSTEM));
    }

    void lock(LoginId id) {
        LoginAccount account = store.account(id);
        store.put(new LoginAccount(id, account.contract(), account.kind(), AccountStatus.LOCKED, MAX_FAILED_PASSWORDS,
                account.currentCertificate(), account.version()));
    }
}
