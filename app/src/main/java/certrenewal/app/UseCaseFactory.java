package certrenewal.app;

import certrenewal.application.port.out.ApprovalRequestPort;
import certrenewal.application.port.out.AuditCheckpointPort;
import certrenewal.application.port.out.AuditQueryPort;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.CertificateAuthorityPort;
import certrenewal.application.port.out.ConsoleQueryPort;
import certrenewal.application.port.out.ContactPort;
import certrenewal.application.port.out.ExpiringCertificatesPort;
import certrenewal.application.port.out.ContractPort;
import certrenewal.application.port.out.CrlStorePort;
import certrenewal.application.port.out.OcspResponderPort;
import certrenewal.application.port.out.IssuanceGrantPort;
import certrenewal.application.port.out.LoadAccountPort;
import certrenewal.application.port.out.LoadCertificatePort;
import certrenewal.application.port.out.PasswordHasherPort;
import certrenewal.application.port.out.PasswordPort;
import certrenewal.application.port.out.PickupFailuresPort;
import certrenewal.application.port.out.RenewalPort;
import certrenewal.application.port.out.RevocationListPort;
import certrenewal.application.port.out.SaveAccountPort;
import certrenewal.application.port.out.SaveCertificatePort;
import certrenewal.application.port.out.IssueStaffCredentialPort;
import certrenewal.application.port.out.StaffCertificatePort;
import certrenewal.application.port.out.StaffAccountPort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.application.service.AbandonRenewalService;
import certrenewal.application.service.AbandonTimedOutRenewalsService;
import certrenewal.application.service.AnswerOcspRequestService;
import certrenewal.application.service.AuthenticateCertificateService;
import certrenewal.application.service.BootstrapStaffService;
import certrenewal.application.service.ChangeLoginPasswordService;
import certrenewal.application.service.ChangeContactDetailsService;
import certrenewal.application.service.ChangeIdContactService;
import certrenewal.application.service.ForgetOldPickupFailuresService;
import certrenewal.application.service.ListExpiringCertificatesService;
import certrenewal.application.service.CheckCustomerSessionService;
import certrenewal.application.service.ConfirmationPasswords;
import certrenewal.application.service.DecideApprovalService;
import certrenewal.application.service.ListApprovalRequestsService;
import certrenewal.domain.administration.DualControlPolicy;
import certrenewal.application.service.ExpireApprovalRequestsService;
import certrenewal.application.service.RequestApprovalService;
import certrenewal.application.service.ChangeStaffPasswordService;
import certrenewal.application.service.CheckStaffSessionService;
import certrenewal.application.service.ManageStaffService;
import certrenewal.application.service.IssueStaffCertificateService;
import certrenewal.application.service.CrlService;
import certrenewal.application.service.GetCaCertificatesService;
import certrenewal.application.service.GetCertificateOverviewService;
import certrenewal.application.service.GetIssuedCertificateService;
import certrenewal.application.service.IssueCertificateService;
import certrenewal.application.service.ListContractIdsService;
import certrenewal.application.service.LogInService;
import certrenewal.application.service.OpenContractService;
import certrenewal.application.service.PickupCertificateService;
import certrenewal.application.service.PrepareRenewalService;
import certrenewal.application.service.ReadAuditTrailService;
import certrenewal.application.service.RegisterUserIdService;
import certrenewal.application.service.ReissueCertificateService;
import certrenewal.application.service.RenewWithCertificateService;
import certrenewal.application.service.RevokeCertificateService;
import certrenewal.application.service.SearchRecordsService;
import certrenewal.application.service.StaffLoginService;
import certrenewal.application.service.StartRenewalService;
import certrenewal.application.service.SubmitCertificateRequestService;
import certrenewal.application.service.UnknownCallerRefusals;
import certrenewal.application.service.UnlockLoginIdService;
import certrenewal.application.service.VerifyAuditTrailService;
import certrenewal.application.service.ViewDashboardService;
import certrenewal.domain.administration.StaffLockout;
import certrenewal.domain.certificate.IssuanceRules;
import certrenewal.application.service.WriteAuditCheckpointService;
import certrenewal.domain.renewal.RenewalPolicy;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;

/**
 * Builds the framework-free use cases from the adapters' ports, one bean per use case (each
 * implements one incoming port; the web adapter asks for the port).
 */
@Factory
final class UseCaseFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    RenewalPolicy renewalPolicy(BankSettings settings) {
        BankSettings.Renewal r = settings.renewal();
        return new RenewalPolicy(r.windowDays(), r.openTimeout(), r.validity(), r.graceDays());
    }

    @Singleton
    IssuanceRules issuanceRules(BankSettings settings) {
        return new IssuanceRules(settings.issuance().perDay());
    }

    @Singleton
    CrlService crl(RevocationListPort revocations, CrlStorePort store, CertificateAuthorityPort authority,
                   BankSettings settings, Clock clock) {
        return new CrlService(revocations, store, authority, settings.crl().validity(), settings.crl().minInterval(),
                clock);
    }

    @Singleton
    AnswerOcspRequestService answerOcspRequest(OcspResponderPort responder, LoadCertificatePort certificates,
                                               Clock clock) {
        return new AnswerOcspRequestService(responder, certificates, clock);
    }

    // ---- the customer's login and renewal ----

    /** Counts refusals of callers the bank does not know per address and minute; one instance for every use case. */
    @Singleton
    UnknownCallerRefusals unknownCallerRefusals(AuditTrailPort audit, TransactionPort transactions,
                                                BankSettings settings, Clock clock) {
        return new UnknownCallerRefusals(audit, transactions, clock, settings.audit().unknownCallerAddressesPerMinute());
    }

    @Singleton
    AuthenticateCertificateService authenticateCertificate(LoadAccountPort accounts, SaveAccountPort savedAccounts,
                                                           LoadCertificatePort certificates,
                                                           SaveCertificatePort savedCertificates, RenewalPort renewals,
                                                           CrlService crl, AuditTrailPort audit,
                                                           TransactionPort transactions,
                                                           UnknownCallerRefusals unknownCallers, RenewalPolicy policy,
                                                           Clock clock) {
        return new AuthenticateCertificateService(accounts, savedAccounts, certificates, savedCertificates, renewals, crl,
                audit, transactions, unknownCallers, policy, clock);
    }

    @Singleton
    ChangeLoginPasswordService changeLoginPassword(LoadAccountPort accounts, SaveAccountPort savedAccounts,
                                                   LoadCertificatePort certificates, PasswordPort passwords,
                                                   PasswordHasherPort hasher, AuditTrailPort audit,
                                                   TransactionPort transactions, BankSettings settings,
                                                   RenewalPolicy policy, Clock clock) {
        return new ChangeLoginPasswordService(accounts, savedAccounts, certificates, passwords, hasher, audit, transactions,
                settings.login().maxFailedPasswords(), policy, clock);
    }

    @Singleton
    LogInService logIn(LoadAccountPort accounts, SaveAccountPort savedAccounts, PasswordPort passwords,
                       PasswordHasherPort hasher, AuthenticateCertificateService certificates, AuditTrailPort audit,
                       TransactionPort transactions, BankSettings settings, Clock clock) {
        return new LogInService(accounts, savedAccounts, passwords, hasher, certificates, audit, transactions,
                settings.login().maxFailedPasswords(), clock);
    }

    @Singleton
    StartRenewalService startRenewal(LoadAccountPort accounts, SaveAccountPort savedAccounts,
                                     LoadCertificatePort certificates, SaveCertificatePort savedCertificates,
                                     RenewalPort renewals, CrlService crl, AuditTrailPort audit,
                                     TransactionPort transactions, RenewalPolicy policy, Clock clock) {
        return new StartRenewalService(accounts, savedAccounts, certificates, savedCertificates, renewals, crl, audit,
                transactions, policy, clock);
    }

    @Singleton
    PrepareRenewalService prepareRenewal(RenewalPort renewals, AuditTrailPort audit, TransactionPort transactions,
                                         RenewalPolicy policy, Clock clock) {
        return new PrepareRenewalService(renewals, audit, transactions, policy, clock);
    }

    @Singleton
    SubmitCertificateRequestService submitCertificateRequest(LoadAccountPort accounts, LoadCertificatePort certificates,
                                                             SaveCertificatePort savedCertificates, RenewalPort renewals,
                                                             CertificateAuthorityPort authority, AuditTrailPort audit,
                                                             TransactionPort transactions, RenewalPolicy policy,
                                                             IssuanceRules rules, Clock clock) {
        return new SubmitCertificateRequestService(accounts, certificates, savedCertificates, renewals,
                authority, audit, transactions, policy, rules, clock);
    }

    @Singleton
    AbandonRenewalService abandonRenewal(LoadCertificatePort certificates, SaveCertificatePort savedCertificates,
                                         RenewalPort renewals, CrlService crl, AuditTrailPort audit,
                                         TransactionPort transactions, RenewalPolicy policy, Clock clock) {
        return new AbandonRenewalService(certificates, savedCertificates, renewals, crl, audit, transactions, policy, clock);
    }

    @Singleton
    AbandonTimedOutRenewalsService abandonTimedOutRenewals(RenewalPort renewals, AuditTrailPort audit,
                                                           TransactionPort transactions, RenewalPolicy policy,
                                                           Clock clock) {
        return new AbandonTimedOutRenewalsService(renewals, audit, transactions, policy, clock);
    }

    @Singleton
    RenewWithCertificateService renewWithCertificate(LoadAccountPort accounts, SaveAccountPort savedAccounts,
                                                     LoadCertificatePort certificates,
                                                     SaveCertificatePort savedCertificates, RenewalPort renewals,
                                                     CertificateAuthorityPort authority, CrlService crl,
                                                     AuditTrailPort audit, TransactionPort transactions,
                                                     RenewalPolicy policy, IssuanceRules rules, Clock clock) {
        return new RenewWithCertificateService(accounts, savedAccounts, certificates, savedCertificates,
                renewals, authority, crl, audit, transactions, policy, rules, clock);
    }

    @Singleton
    GetCaCertificatesService caCertificates(CertificateAuthorityPort authority) {
        return new GetCaCertificatesService(authority);
    }

    @Singleton
    GetCertificateOverviewService certificateOverview(LoadAccountPort accounts, LoadCertificatePort certificates,
                                                      RenewalPort renewals, RenewalPolicy policy, Clock clock) {
        return new GetCertificateOverviewService(accounts, certificates, renewals, policy, clock);
    }

    @Singleton
    CheckCustomerSessionService checkCustomerSession(LoadAccountPort accounts, LoadCertificatePort certificates,
                                                     RenewalPolicy policy, Clock clock) {
        return new CheckCustomerSessionService(accounts, certificates, policy, clock);
    }

    @Singleton
    CheckStaffSessionService checkStaffSession(StaffAccountPort staff, StaffCertificatePort staffCertificates,
                                               BankSettings settings, Clock clock) {
        return new CheckStaffSessionService(staff, staffCertificates, settings.console().staffCertificateRequirement(),
                clock);
    }

    @Singleton
    GetIssuedCertificateService issuedCertificate(LoadCertificatePort certificates, RenewalPort renewals) {
        return new GetIssuedCertificateService(certificates, renewals);
    }

    // ---- administration: the customer's administrator and the bank's operators ----

    @Singleton
    OpenContractService openContract(DualControlPolicy dualControl, ContractPort contracts, LoadAccountPort accounts, SaveAccountPort savedAccounts,
                                     ContactPort contacts, PasswordPort passwords, PasswordHasherPort hasher, IssuanceGrantPort grants,
                                     AuditTrailPort audit, TransactionPort transactions, BankSettings settings,
                                     Clock clock) {
        return new OpenContractService(dualControl, contracts, accounts, savedAccounts, contacts, passwords, hasher, grants,
                settings.administration().pickupPeriod(), audit, transactions, clock);
    }

    /** The acting person's password typed again before a grave action; wrong ones count towards their lock-out. */
    @Singleton
    ConfirmationPasswords confirmationPasswords(LoadAccountPort accounts, SaveAccountPort savedAccounts,
                                                PasswordPort passwords, StaffAccountPort staff, PasswordHasherPort hasher,
                                                AuditTrailPort audit, TransactionPort transactions, BankSettings settings,
                                                Clock clock) {
        return new ConfirmationPasswords(accounts, savedAccounts, passwords, staff, hasher, audit, transactions,
                settings.login().maxFailedPasswords(), staffLockout(settings), clock);
    }

    @Singleton
    RegisterUserIdService registerUserId(ContractPort contracts, LoadAccountPort accounts, SaveAccountPort savedAccounts,
                                         ContactPort contacts, PasswordPort passwords, PasswordHasherPort hasher, IssuanceGrantPort grants,
                                         ConfirmationPasswords confirmations, AuditTrailPort audit,
                                         TransactionPort transactions, BankSettings settings, Clock clock) {
        return new RegisterUserIdService(contracts, accounts, savedAccounts, contacts, passwords, hasher, grants,
                settings.administration().pickupPeriod(), confirmations, audit, transactions, clock);
    }

    /** 設定: the ID's own contact address (after its password) and notice language. */
    @Singleton
    ChangeContactDetailsService changeContactDetails(ContactPort contacts, ConfirmationPasswords confirmations,
                                                     AuditTrailPort audit, TransactionPort transactions, Clock clock) {
        return new ChangeContactDetailsService(contacts, confirmations, audit, transactions, clock);
    }

    /** An ID's contact details changed by its administrator (user IDs) or the bank (any ID), after their own password. */
    @Singleton
    ChangeIdContactService changeIdContact(LoadAccountPort accounts, ContactPort contacts,
                                           ConfirmationPasswords confirmations, AuditTrailPort audit,
                                           TransactionPort transactions, Clock clock) {
        return new ChangeIdContactService(accounts, contacts, confirmations, audit, transactions, clock);
    }

    @Singleton
    IssueCertificateService issueCertificate(LoadAccountPort accounts, SaveAccountPort savedAccounts,
                                             IssuanceGrantPort grants,
                                             LoadCertificatePort certificates, SaveCertificatePort savedCertificates,
                                             CertificateAuthorityPort authority, AuditTrailPort audit,
                                             TransactionPort transactions, RenewalPolicy policy, IssuanceRules rules,
                                             Clock clock) {
        return new IssueCertificateService(accounts, savedAccounts, grants, certificates, savedCertificates,
                authority, audit, transactions, policy, rules, clock);
    }

    @Singleton
    PickupCertificateService pickupCertificate(LoadAccountPort accounts, SaveAccountPort savedAccounts,
                                               PasswordPort passwords, PasswordHasherPort hasher,
                                               IssuanceGrantPort grants, LoadCertificatePort certificates,
                                               SaveCertificatePort savedCertificates, CertificateAuthorityPort authority,
                                               AuditTrailPort audit, TransactionPort transactions, RenewalPolicy policy,
                                               IssuanceRules rules, PickupFailuresPort failures,
                                               UnknownCallerRefusals unknownCallers, BankSettings settings, Clock clock) {
        return new PickupCertificateService(accounts, savedAccounts, passwords, hasher, grants, certificates,
                savedCertificates, authority, audit, transactions, policy, rules, failures,
                settings.pickup().throttle(), unknownCallers, clock);
    }

    @Singleton
    ForgetOldPickupFailuresService forgetOldPickupFailures(PickupFailuresPort failures, BankSettings settings,
                                                           Clock clock) {
        return new ForgetOldPickupFailuresService(failures, settings.pickup().throttle(), clock);
    }

    @Singleton
    RevokeCertificateService revokeCertificate(DualControlPolicy dualControl, LoadAccountPort accounts, SaveAccountPort savedAccounts,
                                               LoadCertificatePort certificates, SaveCertificatePort savedCertificates,
                                               RenewalPort renewals, ConfirmationPasswords confirmations,
                                               CrlService crl, AuditTrailPort audit, TransactionPort transactions,
                                               Clock clock) {
        return new RevokeCertificateService(dualControl, accounts, savedAccounts, certificates, savedCertificates, renewals,
                confirmations, crl, audit, transactions, clock);
    }

    @Singleton
    ReissueCertificateService reissueCertificate(DualControlPolicy dualControl, LoadAccountPort accounts, SaveAccountPort savedAccounts,
                                                 LoadCertificatePort certificates, SaveCertificatePort savedCertificates,
                                                 RenewalPort renewals, PasswordPort passwords,
                                                 ConfirmationPasswords confirmations,
                                                 PasswordHasherPort hasher, IssuanceGrantPort grants, CrlService crl,
                                                 AuditTrailPort audit, TransactionPort transactions,
                                                 BankSettings settings, Clock clock) {
        return new ReissueCertificateService(dualControl, accounts, savedAccounts, certificates, savedCertificates, renewals,
                passwords, confirmations, hasher, grants, settings.administration().pickupPeriod(), crl, audit, transactions,
                clock);
    }

    @Singleton
    UnlockLoginIdService unlockLoginId(DualControlPolicy dualControl, LoadAccountPort accounts, SaveAccountPort savedAccounts,
                                       ConfirmationPasswords confirmations, AuditTrailPort audit,
                                       TransactionPort transactions, Clock clock) {
        return new UnlockLoginIdService(dualControl, accounts, savedAccounts, confirmations, audit, transactions, clock);
    }

    @Singleton
    ListContractIdsService listContractIds(ContractPort contracts, ConsoleQueryPort queries, AuditTrailPort audit,
                                           TransactionPort transactions, Clock clock) {
        return new ListContractIdsService(contracts, queries, audit, transactions, clock);
    }

    // ---- the bank's console ----

    /** The actions a second staff member must approve: the direct services refuse them, the approval runs them. */
    @Singleton
    DualControlPolicy dualControlPolicy(BankSettings settings) {
        return new DualControlPolicy(settings.console().dualControlled());
    }

    @Singleton
    RequestApprovalService requestApproval(DualControlPolicy dualControl, ApprovalRequestPort requests, LoadAccountPort accounts,
                                           LoadCertificatePort certificates, ConfirmationPasswords confirmations,
                                           PasswordHasherPort hasher, AuditTrailPort audit, TransactionPort transactions,
                                           BankSettings settings, Clock clock) {
        return new RequestApprovalService(dualControl, settings.console().approvalDeadline(),
                requests, accounts, certificates, confirmations, hasher, audit, transactions, clock);
    }

    @Singleton
    DecideApprovalService decideApproval(ApprovalRequestPort requests, ConfirmationPasswords confirmations,
                                         RevokeCertificateService revoke, ReissueCertificateService reissue,
                                         UnlockLoginIdService unlock, OpenContractService open, AuditTrailPort audit,
                                         TransactionPort transactions, Clock clock) {
        return new DecideApprovalService(requests, confirmations, revoke, reissue, unlock, open, audit, transactions,
                clock);
    }

    @Singleton
    ListApprovalRequestsService listApprovalRequests(ApprovalRequestPort requests, Clock clock) {
        return new ListApprovalRequestsService(requests, clock);
    }

    @Singleton
    ExpireApprovalRequestsService expireApprovalRequests(ApprovalRequestPort requests, AuditTrailPort audit,
                                                         TransactionPort transactions, Clock clock) {
        return new ExpireApprovalRequestsService(requests, audit, transactions, clock);
    }

    @Singleton
    StaffLoginService staffLogin(StaffAccountPort staff, StaffCertificatePort staffCertificates, PasswordHasherPort hasher,
                                 AuditTrailPort audit, TransactionPort transactions,
                                 UnknownCallerRefusals unknownCallers, BankSettings settings, Clock clock) {
        return new StaffLoginService(staff, staffCertificates, settings.console().staffCertificateRequirement(), hasher,
                audit, transactions, staffLockout(settings), unknownCallers, clock);
    }

    @Singleton
    IssueStaffCertificateService issueStaffCertificate(StaffAccountPort staff, StaffCertificatePort staffCertificates,
                                                       IssueStaffCredentialPort credentials, AuditTrailPort audit,
                                                       TransactionPort transactions, BankSettings settings, Clock clock) {
        return new IssueStaffCertificateService(staff, staffCertificates, credentials, audit, transactions,
                settings.console().staffCertificateValidityOrDefault(), clock);
    }

    private static StaffLockout staffLockout(BankSettings settings) {
        return new StaffLockout(settings.login().maxFailedPasswords(), settings.staff().firstLockout(),
                settings.staff().maxLockout());
    }

    @Singleton
    ManageStaffService manageStaff(StaffAccountPort staff, StaffCertificatePort staffCertificates,
                                   PasswordHasherPort hasher, AuditTrailPort audit, TransactionPort transactions,
                                   Clock clock) {
        return new ManageStaffService(staff, staffCertificates, hasher, audit, transactions, clock);
    }

    @Singleton
    ChangeStaffPasswordService changeStaffPassword(StaffAccountPort staff, PasswordHasherPort hasher,
                                                   AuditTrailPort audit, TransactionPort transactions,
                                                   BankSettings settings, Clock clock) {
        return new ChangeStaffPasswordService(staff, hasher, audit, transactions, staffLockout(settings), clock);
    }

    @Singleton
    BootstrapStaffService bootstrapStaff(StaffAccountPort staff, PasswordHasherPort hasher, AuditTrailPort audit,
                                         TransactionPort transactions, Clock clock) {
        return new BootstrapStaffService(staff, hasher, audit, transactions, clock);
    }

    @Singleton
    ViewDashboardService viewDashboard(ConsoleQueryPort queries, AuditTrailPort audit, TransactionPort transactions,
                                       BankSettings settings, Clock clock) {
        return new ViewDashboardService(queries, audit, transactions, ZoneId.of(settings.administration().zone()),
                settings.administration().dashboardMaxAge(), clock);
    }

    /** The console's inventory of certificates about to expire (operators and auditors). */
    @Singleton
    ListExpiringCertificatesService listExpiringCertificates(ExpiringCertificatesPort certificates, AuditTrailPort audit,
                                                             TransactionPort transactions, Clock clock) {
        return new ListExpiringCertificatesService(certificates, audit, transactions, clock);
    }

    @Singleton
    SearchRecordsService searchRecords(ConsoleQueryPort queries, AuditTrailPort audit, TransactionPort transactions,
                                       Clock clock) {
        return new SearchRecordsService(queries, audit, transactions, clock);
    }

    @Singleton
    ReadAuditTrailService readAuditTrail(AuditQueryPort auditQueries, AuditTrailPort audit,
                                         TransactionPort transactions, Clock clock) {
        return new ReadAuditTrailService(auditQueries, audit, transactions, clock);
    }

    @Singleton
    VerifyAuditTrailService verifyAuditTrail(AuditQueryPort auditQueries, AuditCheckpointPort checkpoints,
                                             AuditTrailPort audit, TransactionPort transactions, Clock clock) {
        return new VerifyAuditTrailService(auditQueries, checkpoints, audit, transactions, clock);
    }

    @Singleton
    WriteAuditCheckpointService writeAuditCheckpoint(AuditQueryPort auditQueries, AuditCheckpointPort checkpoints,
                                                     Clock clock) {
        return new WriteAuditCheckpointService(auditQueries, checkpoints, clock);
    }
}
