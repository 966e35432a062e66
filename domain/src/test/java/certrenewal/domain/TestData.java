package certrenewal.domain;

import certrenewal.domain.account.AccountStatus;
import certrenewal.domain.account.Contract;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.IdKind;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.certificate.Certificate;
import certrenewal.domain.certificate.CertificateStatus;
import certrenewal.domain.certificate.RevocationReason;
import certrenewal.domain.certificate.SerialNumber;
import certrenewal.domain.certificate.SubjectName;
import certrenewal.domain.renewal.Renewal;
import certrenewal.domain.renewal.RenewalId;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Builders and well-known values for domain tests: one place that knows how to make valid objects. */
public final class TestData {
    public static final Instant ISSUED_AT = Instant.parse("2025-04-01T00:00:00Z");
    public static final Instant EXPIRES_AT = ISSUED_AT.plus(Duration.ofDays(365));
    /** 40 days before expiry: the default renewal window opens here. */
    public static final Instant WINDOW_OPENS = EXPIRES_AT.minus(Duration.ofDays(40));
    public static final Instant IN_WINDOW = WINDOW_OPENS.plus(Duration.ofDays(5));

    public static final ContractNumber CONTRACT_NUMBER = new ContractNumber("C0001");
    public static final Contract CONTRACT = new Contract(CONTRACT_NUMBER, "Example Trading Co.");
    public static final LoginId LOGIN_ID = new LoginId("demo-admin");
    public static final LoginId OTHER_LOGIN_ID = new LoginId("someone-else");
    public static final SerialNumber OLD_SERIAL = SerialNumber.ofHex("0a1b2c3d4e5f");
    public static final SerialNumber NEW_SERIAL = SerialNumber.ofHex("7f00ee11dd22");

    private TestData() {
    }

    public static AccountBuilder anAccount() {
        return new AccountBuilder();
    }

    public static CertificateBuilder aCertificate() {
        return new CertificateBuilder();
    }

    public static Renewal.Started started(Instant at) {
        return new Renewal.Started(new RenewalId(UUID.fromString("00000000-0000-0000-0000-000000000001")),
                LOGIN_ID, OLD_SERIAL, at, 3);
    }

    public static Renewal.AwaitingKey awaitingKey(Instant startedAt) {
        return started(startedAt).awaitKey();
    }

    public static Renewal.Issued issued(Instant startedAt, SerialNumber newSerial) {
        return awaitingKey(startedAt).issue(newSerial, startedAt.plusSeconds(60));
    }

    public static final class AccountBuilder {
        private LoginId id = LOGIN_ID;
        private ContractNumber contract = CONTRACT_NUMBER;
        private IdKind kind = IdKind.ADMINISTRATOR;
        private AccountStatus status = AccountStatus.ACTIVE;
        private int failedAttempts;
        private SerialNumber current = OLD_SERIAL;
        private long version = 7;

        public AccountBuilder id(LoginId value) {
            id = value;
            return this;
        }

        public AccountBuilder kind(IdKind value) {
            kind = value;
            return this;
        }

        public AccountBuilder status(AccountStatus value) {
            status = value;
            return this;
        }

        public AccountBuilder failedAttempts(int value) {
            failedAttempts = value;
            return this;
        }

        public AccountBuilder currentCertificate(SerialNumber value) {
            current = value;
            return this;
        }

        public AccountBuilder withoutCertificate() {
            current = null;
            return this;
        }

        public LoginAccount build() {
            return new LoginAccount(id, contract, kind, status, failedAttempts, current, version);
        }
    }

    public static final class CertificateBuilder {
        private SerialNumber serial = OLD_SERIAL;
        private LoginId owner = LOGIN_ID;
        private Instant notBefore = ISSUED_AT;
        private Instant notAfter = EXPIRES_AT;
        private CertificateStatus status = CertificateStatus.ACTIVE;
        private RevocationReason reason;
        private Instant revokedAt;
        private byte[] der;
        private long version = 2;

        public CertificateBuilder serial(SerialNumber value) {
            serial = value;
            return this;
        }

        public CertificateBuilder owner(LoginId value) {
            owner = value;
            return this;
        }

        public CertificateBuilder validity(Instant from, Instant until) {
            notBefore = from;
            notAfter = until;
            return this;
        }

        public CertificateBuilder revoked(RevocationReason why, Instant at) {
            status = why == RevocationReason.SUPERSEDED ? CertificateStatus.SUPERSEDED : CertificateStatus.REVOKED;
            reason = why;
            revokedAt = at;
            return this;
        }

        public CertificateBuilder der(byte[] value) {
            der = value;
            return this;
        }

        public Certificate build() {
            byte[] encoding = der != null ? der : ("DER of " + serial.hex()).getBytes(StandardCharsets.US_ASCII);
            return new Certificate(serial, owner, SubjectName.of(CONTRACT, owner), "CN=Test Issuing CA,O=Test Bank,C=JP",
                    notBefore, notAfter, status, reason, revokedAt, encoding,
                    "AB".repeat(32), version);
        }
    }

    public static SerialNumber serial(long value) {
        return new SerialNumber(BigInteger.valueOf(value));
    }
}
