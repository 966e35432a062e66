package certrenewal.adapters.web;

import certrenewal.application.port.in.AuthenticatedId;
import certrenewal.application.port.in.CertificateOverview;
import certrenewal.application.port.in.IssuedCertificate;
import certrenewal.application.port.in.admin.IssuancePassword;
import certrenewal.application.readmodel.CertificateSummary;
import certrenewal.application.readmodel.DashboardFigures;
import certrenewal.application.readmodel.LoginIdDetails;
import certrenewal.application.readmodel.LoginIdSummary;
import certrenewal.application.readmodel.RenewalAttempt;
import certrenewal.application.readmodel.SearchPage;
import certrenewal.domain.Rejection;
import certrenewal.domain.account.AccountStatus;
import certrenewal.domain.account.Contract;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.IdKind;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.certificate.Certificate;
import certrenewal.domain.certificate.CertificateStatus;
import certrenewal.domain.certificate.RevocationReason;
import certrenewal.domain.certificate.SerialNumber;
import certrenewal.domain.certificate.SubjectName;
import certrenewal.domain.renewal.RenewalId;
import certrenewal.domain.renewal.RenewalState;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The records the fakes answer with: one contract, its IDs, their certificates, at one moment. */
public final class Samples {
    /** 2026-04-01 09:00 JST. */
    public static final Instant NOW = Instant.parse("2026-04-01T00:00:00Z");
    public static final ContractNumber CONTRACT = new ContractNumber("0000001");
    public static final Contract CONTRACT_RECORD = new Contract(CONTRACT, "Web Test Co.");
    public static final String ISSUER = "CN=Web Test CA,O=Example Bank,C=JP";
    public static final String LOGIN_PASSWORD = "Login-Pass-1";

    private Samples() {
    }

    public static AuthenticatedId who(String loginId, IdKind kind, TestPki.Credential certificate) {
        return new AuthenticatedId(new LoginId(loginId), CONTRACT, kind, serial(certificate));
    }

    public static SerialNumber serial(TestPki.Credential certificate) {
        return new SerialNumber(certificate.certificate().getSerialNumber());
    }

    /** The ID's certificate as the main menu shows it: expiring 2026-04-21 09:00 JST, renewable unless {@code refusal}. */
    public static CertificateOverview overview(AuthenticatedId who, Rejection refusal) {
        Instant notAfter = Instant.parse("2026-04-21T00:00:00Z");
        return new CertificateOverview(who.loginId(), who.kind(), who.certificate(), SubjectName.of(CONTRACT_RECORD, who.loginId()),
                notAfter.minus(Duration.ofDays(365)), notAfter, CertificateStatus.ACTIVE, notAfter.minus(Duration.ofDays(40)),
                Optional.ofNullable(refusal), NOW);
    }

    /** The certificate issued to {@code owner} for {@code credential}'s key, valid 2026-04-01 09:00 to 2027-04-01 09:00 JST. */
    public static Certificate certificate(TestPki.Credential credential, LoginId owner) {
        return Certificate.issued(serial(credential), owner, SubjectName.of(CONTRACT_RECORD, owner), ISSUER, NOW,
                NOW.plus(Duration.ofDays(365)), credential.der(), credential.sha256());
    }

    public static IssuedCertificate issued(TestPki.Credential credential, LoginId owner, byte[] caDer) {
        return new IssuedCertificate(certificate(credential, owner), List.of(caDer));
    }

    /** Valid until 2026-06-20 09:00 JST. */
    public static IssuancePassword issuancePassword() {
        return new IssuancePassword("Abcdefgh23456789", Instant.parse("2026-06-20T00:00:00Z"));
    }

    public static LoginIdSummary summary(String loginId, IdKind kind, AccountStatus status, CertificateStatus certificate) {
        boolean holds = certificate != null;
        return new LoginIdSummary(new LoginId(loginId), kind, status, status == AccountStatus.LOCKED ? 6 : 0,
                holds ? new SerialNumber(BigInteger.valueOf(loginId.hashCode() & 0xffffff).add(BigInteger.ONE)) : null,
                certificate, holds ? Instant.parse("2026-04-21T00:00:00Z") : null, !holds);
    }

    /** A certificate in the console's lists: issued 2025-04-21, expiring 2026-04-21 09:00 JST. */
    public static CertificateSummary certificateSummary(LoginIdSummary owner, CertificateStatus status) {
        Instant notAfter = Instant.parse("2026-04-21T00:00:00Z");
        boolean revoked = status == CertificateStatus.REVOKED;
        return new CertificateSummary(owner.serial(), owner.loginId(), CONTRACT, CONTRACT_RECORD.name(), status,
                notAfter.minus(Duration.ofDays(365)), notAfter, revoked ? Instant.parse("2026-03-01T03:15:00Z") : null,
                revoked ? RevocationReason.KEY_COMPROMISE : null);
    }

    /** {@code id}'s details page: its certificate (if any) and one renewal attempt, started 2026-03-31 18:00 JST. */
    public static LoginIdDetails details(LoginIdSummary id) {
        List<CertificateSummary> certificates = id.serial() == null ? List.of()
                : List.of(certificateSummary(id, id.certificateStatus()));
        RenewalAttempt attempt = new RenewalAttempt(RenewalId.random(), RenewalState.ABANDONED, Instant.parse("2026-03-31T09:00:00Z"),
                Instant.parse("2026-03-31T09:15:00Z"), id.serial(), null, "timed out");
        return new LoginIdDetails(id, CONTRACT, CONTRACT_RECORD.name(), certificates, id.serial() == null ? List.of() : List.of(attempt));
    }

    public static <T> SearchPage<T> page(List<T> rows, int page, int pageSize, long total) {
        return new SearchPage<>(rows, page, pageSize, total);
    }

    public static DashboardFigures figures() {
        Map<CertificateStatus, Long> byStatus = new EnumMap<>(CertificateStatus.class);
        byStatus.put(CertificateStatus.ACTIVE, 7L);
        byStatus.put(CertificateStatus.REVOKED, 2L);
        return new DashboardFigures(byStatus, List.of(new DashboardFigures.WeekCount(LocalDate.of(2026, 3, 30), 3)),
                List.of(new DashboardFigures.DayRenewals(LocalDate.of(2026, 3, 31), 4, 3, 1, 0)),
                List.of(new DashboardFigures.DayNotices(LocalDate.of(2026, 3, 31), 12, 10, 0),
                        new DashboardFigures.DayNotices(LocalDate.of(2026, 4, 1), 5, 6, 2)), NOW);
    }
}
