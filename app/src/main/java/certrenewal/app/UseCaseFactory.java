package certrenewal.app;

import certrenewal.application.port.out.AuditQueryPort;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.CertificateAuthorityPort;
import certrenewal.application.port.out.ConsoleQueryPort;
import certrenewal.application.port.out.ContractPort;
import certrenewal.application.port.out.IssuanceGrantPort;
import certrenewal.application.port.out.LoadAccountPort;
import certrenewal.application.port.out.LoadCertificatePort;
import certrenewal.application.port.out.PasswordHasherPort;
import certrenewal.application.port.out.PasswordPort;
import certrenewal.application.port.out.RenewalPort;
import certrenewal.application.port.out.RevocationListPort;
import certrenewal.application.port.out.StaffAccountPort;
import certrenewal.application.port.out.SaveAccountPort;
import certrenewal.application.port.out.SaveCertificatePort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.application.service.AdministrationService;
import certrenewal.application.service.AuditTrailService;
import certrenewal.application.service.AuthenticationService;
import certrenewal.application.service.CertificateQueryService;
import certrenewal.application.service.ConsoleQueryService;
import certrenewal.application.service.CrlService;
import certrenewal.application.service.LoginService;
import certrenewal.application.service.PickupCertificateService;
import certrenewal.application.service.RegistrationService;
import certrenewal.application.service.RenewalService;
import certrenewal.application.service.StaffService;
import certrenewal.domain.renewal.RenewalPolicy;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;

/** Builds the framework-free use cases from the adapters' ports. */
@Factory
final class UseCaseFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    RenewalPolicy renewalPolicy(BankSettings settings) {
        BankSettings.Renewal r = settings.renewal();
        return new RenewalPolicy(r.windowDays(), r.openTimeout(), r.validity());
    }

    @Singleton
    RenewalService renewalService(LoadAccountPort accounts, SaveAccountPort savedAccounts, ContractPort contracts, LoadCertificatePort certificates,
                                  SaveCertificatePort savedCertificates, RenewalPort renewals,
                                  CertificateAuthorityPort authority, AuditTrailPort audit,
                                  TransactionPort transactions, CrlService crl, RenewalPolicy policy, Clock clock) {
        return new RenewalService(accounts, savedAccounts, contracts, certificates, savedCertificates, renewals, authority,
                audit, transactions, crl, policy, clock);
    }

    @Singleton
    AuthenticationService authenticationService(LoadAccountPort accounts, SaveAccountPort savedAccounts,
                                                LoadCertificatePort certificates, SaveCertificatePort savedCertificates,
                                                RenewalPort renewals, AuditTrailPort audit,
                                                TransactionPort transactions, CrlService crl, Clock clock) {
        return new AuthenticationService(accounts, savedAccounts, certificates, savedCertificates, renewals,
                audit, transactions, crl, clock);
    }

    @Singleton
    RegistrationService registrationService(ContractPort contracts, LoadAccountPort accounts,
                                            SaveAccountPort savedAccounts, SaveCertificatePort savedCertificates,
                                            CertificateAuthorityPort authority, AuditTrailPort audit,
                                            TransactionPort transactions, RenewalPolicy policy, Clock clock) {
        return new RegistrationService(contracts, accounts, savedAccounts, savedCertificates, authority, audit,
                transactions, policy, clock);
    }

    @Singleton
    LoginService loginService(LoadAccountPort accounts, SaveAccountPort savedAccounts, PasswordPort passwords,
                              PasswordHasherPort hasher, AuthenticationService certificates, AuditTrailPort audit,
                              TransactionPort transactions, BankSettings settings, Clock clock) {
        return new LoginService(accounts, savedAccounts, passwords, hasher, certificates, audit, transactions,
                settings.login().maxFailedPasswords(), clock);
    }

    @Singleton
    CrlService crlService(RevocationListPort revocations, CertificateAuthorityPort authority, BankSettings settings,
                          Clock clock) {
        return new CrlService(revocations, authority, settings.crl().validity(), clock);
    }

    @Singleton
    AdministrationService administrationService(LoadAccountPort accounts, SaveAccountPort savedAccounts,
                                                ContractPort contracts, LoadCertificatePort certificates,
                                                SaveCertificatePort savedCertificates, RenewalPort renewals,
                                                PasswordPort passwords, PasswordHasherPort hasher, StaffAccountPort staff,
                                                IssuanceGrantPort grants, ConsoleQueryPort queries, CrlService crl,
                                                AuditTrailPort audit, TransactionPort transactions,
                                                BankSettings settings, Clock clock) {
        return new AdministrationService(accounts, savedAccounts, contracts, certificates, savedCertificates, renewals,
                passwords, hasher, staff, grants, queries, crl, audit, transactions,
                settings.administration().pickupPeriod(), clock);
    }

    @Singleton
    PickupCertificateService pickUpService(LoadAccountPort accounts, SaveAccountPort savedAccounts, ContractPort contracts,
                                PasswordPort passwords, PasswordHasherPort hasher, IssuanceGrantPort grants,
                                SaveCertificatePort savedCertificates, CertificateAuthorityPort authority,
                                AuditTrailPort audit, TransactionPort transactions, RenewalPolicy policy,
                                BankSettings settings, Clock clock) {
        return new PickupCertificateService(accounts, savedAccounts, contracts, passwords, hasher, grants, savedCertificates,
                authority, audit, transactions, policy, settings.login().maxFailedPasswords(), clock);
    }

    @Singleton
    StaffService staffService(StaffAccountPort staff, PasswordHasherPort hasher, AuditTrailPort audit,
                              TransactionPort transactions, BankSettings settings, Clock clock) {
        return new StaffService(staff, hasher, audit, transactions, settings.login().maxFailedPasswords(), clock);
    }

    @Singleton
    ConsoleQueryService consoleQueryService(ConsoleQueryPort queries, AuditTrailPort audit,
                                            TransactionPort transactions, BankSettings settings, Clock clock) {
        return new ConsoleQueryService(queries, audit, transactions, ZoneId.of(settings.administration().zone()),
                settings.administration().dashboardMaxAge(), clock);
    }

    @Singleton
    AuditTrailService auditTrailService(AuditQueryPort auditQueries, AuditTrailPort audit,
                                        TransactionPort transactions, Clock clock) {
        return new AuditTrailService(auditQueries, audit, transactions, clock);
    }

    @Singleton
    CertificateQueryService certificateQueryService(LoadAccountPort accounts, LoadCertificatePort certificates,
                                                    RenewalPort renewals, CertificateAuthorityPort authority,
                                                    RenewalPolicy policy, Clock clock) {
        return new CertificateQueryService(accounts, certificates, renewals, authority, policy, clock);
    }
}
