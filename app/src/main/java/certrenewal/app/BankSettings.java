package certrenewal.app;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** The settings under {@code certrenewal.*} in application.yml. */
@ConfigurationProperties("certrenewal")
public record BankSettings(String dataDir, Ca ca, Tls tls, Renewal renewal, Login login, Administration administration,
                           Crl crl, Demo demo, Issuance issuance, Pickup pickup, Staff staff) {

    /**
     * @param keystore PKCS#12 file holding the CA key and certificate (alias "ca")
     * @param createIfMissing create a development CA when the keystore does not exist; false in production
     * @param keyType P256 or RSA2048, for a CA created here
     */
    @ConfigurationProperties("ca")
    public record Ca(String keystore, String password, boolean createIfMissing, String keyType, String subject,
                     String crlDistributionPoint) {
        @Override
        public String toString() {
            return "Ca[keystore=" + keystore + ", keyType=" + keyType + ", subject=" + subject + "]";
        }
    }

    /** The server's TLS key store, written from the CA when missing or near expiry. */
    @ConfigurationProperties("tls")
    public record Tls(String keystore, String password, String hostnames) {
        @Override
        public String toString() {
            return "Tls[keystore=" + keystore + ", hostnames=" + hostnames + "]";
        }
    }

    @ConfigurationProperties("renewal")
    public record Renewal(int windowDays, Duration openTimeout, Duration validity, Duration sweepInterval) {
    }

    /**
     * @param maxFailedPasswords wrong passwords in a row that lock a login ID
     * @param passwordHashIterations PBKDF2 iterations for new password hashes
     */
    @ConfigurationProperties("login")
    public record Login(int maxFailedPasswords, int passwordHashIterations) {
    }

    /**
     * @param pickupPeriod how long an issuance password works (取得 deadline)
     * @param zone where the console's days and weeks begin
     * @param dashboardMaxAge how old the console's dashboard figures may be before a view counts them anew
     */
    @ConfigurationProperties("administration")
    public record Administration(Duration pickupPeriod, String zone, Duration dashboardMaxAge) {
    }

    /**
     * @param validity from thisUpdate to nextUpdate of each CRL
     * @param minInterval the least time between two CRLs signed for revocations (they are coalesced)
     */
    @ConfigurationProperties("crl")
    public record Crl(Duration validity, Duration minInterval) {
    }

    /**
     * Staff lock-outs end by themselves: {@code firstLockout} after the first run of wrong passwords,
     * twice as long each time again (until a successful login), at most {@code maxLockout}.
     */
    @ConfigurationProperties("staff")
    public record Staff(Duration firstLockout, Duration maxLockout) {
    }

    /**
     * 証明書取得's throttle: after {@code freeAttempts} failures in a row for an ID, each further
     * attempt waits, twice as long after every failure, from {@code firstDelay} up to {@code maxDelay}.
     */
    @ConfigurationProperties("pickup")
    public record Pickup(int freeAttempts, Duration firstDelay, Duration maxDelay) {
    }

    /** @param perDay certificates one login ID may receive in any 24 hours, over EST, the browser and pickup together */
    @ConfigurationProperties("issuance")
    public record Issuance(int perDay) {
    }

    /**
     * @param loginPassword every demo ID's login password
     * @param certificateValidity the demo certificates' validity: shorter than the window, so they can be renewed at once
     */
    @ConfigurationProperties("demo")
    public record Demo(boolean enabled, String contractNumber, String contractName, String administrator,
                       String users, String pkcs12Password, String loginPassword, Duration certificateValidity) {
        @Override
        public String toString() {
            return "Demo[enabled=" + enabled + ", contract=" + contractNumber + "]";
        }
    }
}
