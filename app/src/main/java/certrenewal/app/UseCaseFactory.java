package certrenewal.app;

import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.CertificateAuthorityPort;
import certrenewal.application.port.out.ContractPort;
import certrenewal.application.port.out.LoadAccountPort;
import certrenewal.application.port.out.LoadCertificatePort;
import certrenewal.application.port.out.PasswordHasherPort;
import certrenewal.application.port.out.PasswordPort;
import certrenewal.application.port.out.RenewalPort;
import certrenewal.application.port.out.SaveAccountPort;
import certrenewal.application.port.out.SaveCertificatePort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.application.service.AuthenticationService;
import certrenewal.application.service.CertificateQueryService;
import certrenewal.application.service.LoginService;
import certrenewal.application.service.RegistrationService;
import certrenewal.application.service.RenewalService;
import certrenewal.domain.renewal.RenewalPolicy;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

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
                                  TransactionPort transactions, RenewalPolicy policy, Clock clock) {
        return new RenewalService(accounts, savedAccounts, contracts, certificates, savedCertificates, renewals, authority,
                audit, transactions, policy, clock);
    }

    @Singleton
    AuthenticationService authenticationService(LoadAccountPort accounts, SaveAccountPort savedAccounts,
                                                LoadCertificatePort certificates, SaveCertificatePort savedCertificates,
                                                RenewalPort renewals, AuditTrailPort audit,
                                                TransactionPort transactions, Clock clock) {
        return new AuthenticationService(accounts, savedAccounts, certificates, savedCertificates, renewals,
                audit, transactions, clock);
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
    CertificateQueryService certificateQueryService(LoadAccountPort accounts, LoadCertificatePort certificates,
                                                    RenewalPort renewals, CertificateAuthorityPort authority,
                                                    RenewalPolicy policy, Clock clock) {
        return new CertificateQueryService(accounts, certificates, renewals, authority, policy, clock);
    }
}
