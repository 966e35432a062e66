package certrenewal.app;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** The settings under {@code certrenewal.*} in application.yml. */
@ConfigurationProperties("certrenewal")
public record BankSettings(String dataDir, Ca ca, Audit audit, Tls tls, Renewal renewal, Login login,
                           Administration administration, Crl crl, Demo demo) {

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

    /**
     * The audit trail's anchor outside the database: signed checkpoints of the chain's end.
     *
     * @param keystore PKCS#12 file holding the audit signing key (alias "audit"), kept with the CA key, never in the database
     * @param createIfMissing create an EC P-256 audit key when the keystore does not exist; false in production
     * @param checkpoints the append-only file the checkpoints are written to, one signed line each
     * @param checkpointInterval how often a checkpoint is written when the chain grew (and once more at shutdown)
     */
    @ConfigurationProperties("audit")
    public record Audit(String keystore, String password, boolean createIfMissing, String checkpoints,
                        Duration checkpointInterval) {
        @Override
        public String toString() {
            return "Audit[keystore=" + keystore + ", checkpoints=" + checkpoints + ", checkpointInterval="
                    + checkpointInterval + "]";
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

    /** @param validity from thisUpdate to nextUpdate of each CRL */
    @ConfigurationProperties("crl")
    public record Crl(Duration validity) {
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
