package certrenewal.adapters.persistence;

import certrenewal.application.port.out.IssuanceGrant;
import certrenewal.domain.administration.StaffAccount;
import certrenewal.domain.Rejection;
import certrenewal.domain.account.AccountStatus;
import certrenewal.domain.account.Contract;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.IdKind;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.administration.StaffRole;
import certrenewal.domain.certificate.Certificate;
import certrenewal.domain.certificate.CertificateStatus;
import certrenewal.domain.certificate.RevocationReason;
import certrenewal.domain.certificate.SerialNumber;
import certrenewal.domain.certificate.SubjectName;
import certrenewal.domain.renewal.Renewal;
import certrenewal.domain.renewal.RenewalId;
import certrenewal.domain.renewal.RenewalState;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The one mapping between rows and domain values. Enums are stored by name, serials as
 * {@link SerialNumber#hex()}, times to the microsecond (what both databases keep), so that a
 * value reads back as it was written.
 */
final class PersistenceMapper {

    private PersistenceMapper() {
    }

    static ContractRow toRow(Contract contract) {
        return new ContractRow(contract.number().value(), contract.name());
    }

    static Contract toContract(ContractRow row) {
        return new Contract(new ContractNumber(row.number()), row.name());
    }

    static AccountRow toRow(LoginAccount account) {
        return new AccountRow(account.id().value(), account.contract().value(), account.kind().name(),
                account.status().name(), account.failedPasswordAttempts(),
                account.currentCertificateSerial().map(SerialNumber::hex).orElse(null), account.version());
    }

    static LoginAccount toAccount(AccountRow row) {
        return new LoginAccount(new LoginId(row.loginId()), new ContractNumber(row.contractNumber()),
                IdKind.valueOf(row.kind()), AccountStatus.valueOf(row.status()), row.failedPasswordAttempts(),
                serialOrNull(row.currentCertificateSerial()), row.version());
    }

    static CertificateRow toRow(Certificate certificate, String publicKeySha256) {
        SubjectName subject = certificate.subject();
        return new CertificateRow(certificate.serial().hex(), certificate.owner().value(),
                subject.rfc4514(), subject.country(), subject.organization(), subject.organizationalUnit(),
                subject.commonName(), certificate.issuer(),
                stored(certificate.notBefore()), stored(certificate.notAfter()),
                certificate.storedStatus().name(),
                certificate.revocationReason() == null ? null : certificate.revocationReason().name(),
                stored(certificate.revokedAt()), certificate.der(), certificate.sha256Fingerprint(),
                publicKeySha256, certificate.version());
    }

    static Certificate toCertificate(CertificateRow row) {
        return new Certificate(SerialNumber.ofHex(row.serial()), new LoginId(row.loginId()),
                new SubjectName(row.subjectC(), row.subjectO(), row.subjectOu(), row.subjectCn()),
                row.issuer(), row.notBefore(), row.notAfter(), CertificateStatus.valueOf(row.status()),
                row.revocationReason() == null ? null : RevocationReason.valueOf(row.revocationReason()),
                row.revokedAt(), row.der(), row.sha256Fingerprint(), row.version());
    }

    static RenewalRow toRow(Renewal renewal) {
        String openLoginId = renewal.isOpen() ? renewal.loginId().value() : null;
        String newSerial = null;
        Instant issuedAt = null;
        Instant confirmedAt = null;
        Instant endedAt = null;
        String reasonCode = null;
        String reasonMessage = null;
        switch (renewal) {
            case Renewal.Started started -> {
                // only the common columns
            }
            case Renewal.AwaitingKey awaiting -> {
                // only the common columns
            }
            case Renewal.Issued issued -> {
                newSerial = issued.newSerial().hex();
                issuedAt = issued.issuedAt();
            }
            case Renewal.Confirmed confirmed -> {
                newSerial = confirmed.newSerial().hex();
                issuedAt = confirmed.issuedAt();
                confirmedAt = confirmed.confirmedAt();
            }
            case Renewal.Abandoned abandoned -> {
                endedAt = abandoned.endedAt();
                reasonMessage = abandoned.reason();
            }
            case Renewal.Failed failed -> {
                endedAt = failed.endedAt();
                reasonCode = failed.reason().code().name();
                reasonMessage = failed.reason().message();
            }
        }
        return new RenewalRow(renewal.id().value(), renewal.loginId().value(), renewal.state().name(), openLoginId,
                renewal.oldSerial().hex(), newSerial, stored(renewal.startedAt()), stored(issuedAt),
                stored(confirmedAt), stored(endedAt), reasonCode, reasonMessage, renewal.version());
    }

    static Renewal toRenewal(RenewalRow row) {
        RenewalId id = new RenewalId(row.id());
        LoginId loginId = new LoginId(row.loginId());
        SerialNumber oldSerial = SerialNumber.ofHex(row.oldSerial());
        Instant startedAt = row.startedAt();
        long version = row.version();
        return switch (RenewalState.valueOf(row.state())) {
            case STARTED -> new Renewal.Started(id, loginId, oldSerial, startedAt, version);
            case AWAITING_KEY -> new Renewal.AwaitingKey(id, loginId, oldSerial, startedAt, version);
            case ISSUED -> new Renewal.Issued(id, loginId, oldSerial, startedAt, version,
                    serialOrNull(row.newSerial()), row.issuedAt());
            case CONFIRMED -> new Renewal.Confirmed(id, loginId, oldSerial, startedAt, version,
                    serialOrNull(row.newSerial()), row.issuedAt(), row.confirmedAt());
            case ABANDONED -> new Renewal.Abandoned(id, loginId, oldSerial, startedAt, version,
                    row.endedAt(), row.reasonMessage());
            case FAILED -> new Renewal.Failed(id, loginId, oldSerial, startedAt, version, row.endedAt(),
                    new Rejection(Rejection.Code.valueOf(row.reasonCode()), row.reasonMessage()));
        };
    }

    /** An issued renewal, for queries that select only those. */
    static Renewal.Issued toIssuedRenewal(RenewalRow row) {
        if (toRenewal(row) instanceof Renewal.Issued issued) {
            return issued;
        }
        throw new IllegalStateException("renewal " + row.id() + " is " + row.state() + ", not ISSUED");
    }

    static IssuanceGrantRow toRow(IssuanceGrant grant) {
        return new IssuanceGrantRow(grant.loginId().value(), grant.passwordHash(), stored(grant.deadline()));
    }

    static IssuanceGrant toGrant(IssuanceGrantRow row) {
        return new IssuanceGrant(new LoginId(row.loginId()), row.passwordHash(), row.deadline());
    }

    static StaffAccountRow toRow(StaffAccount account) {
        return new StaffAccountRow(account.username(), account.role().name(), account.passwordHash(),
                account.failedPasswordAttempts(), stored(account.lockedUntil()), account.lockouts(), account.disabled(),
                account.mustChangePassword(), account.sessionGeneration(), account.version());
    }

    static StaffAccount toStaff(StaffAccountRow row) {
        return new StaffAccount(row.username(), StaffRole.valueOf(row.role()), row.passwordHash(),
                row.failedPasswordAttempts(), row.lockedUntil(), row.lockouts(), row.disabled(), row.mustChangePassword(),
                row.sessionGeneration(), row.version());
    }

    /** Both databases keep microseconds; truncating here makes a stored time read back exactly. */
    static Instant stored(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    static SerialNumber serialOrNull(String hex) {
        return hex == null ? null : SerialNumber.ofHex(hex);
    }
}
