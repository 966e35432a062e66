package certrenewal.app;

import certrenewal.adapters.pki.SignatureCode;
import certrenewal.domain.account.PickupThrottle;
import certrenewal.domain.administration.DualControlAction;
import certrenewal.domain.administration.StaffCertificateLogin;
import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The settings under {@code certrenewal.*} in application.yml. */
@ConfigurationProperties("certrenewal")
public record BankSettings(String dataDir, Pki pki, Ca ca, CaTokenSettings caToken, Audit audit, Tls tls, Renewal renewal,
                           Login login, Administration administration, Crl crl, Ocsp ocsp, Demo demo,
                           Issuance issuance, Pickup pickup, Staff staff, Cluster cluster, Notices notices,
                           Console console) {
    /** The Micronaut environment of production (application-prod.yml): no demo, no key material made here. */
    public static final String PRODUCTION_ENVIRONMENT = "prod";

    /**
     * @param createMissingKeyMaterial whether a start may create a missing key store (the development CA, the
     *     development TLS issuer, the server's TLS key store) and renew the development server certificate; true
     *     only on the embedded default, false in production, where every key store is the operator's and a
     *     missing or unusable one stops the start. An existing key store that cannot be used is never replaced.
     * @param nativeSignatures whether AWS-LC's native code makes and checks the CA's signatures where it can (a CA
     *     key in memory then passes into that library); false keeps every signature in BouncyCastle's Java code
     */
    @ConfigurationProperties("pki")
    public record Pki(boolean createMissingKeyMaterial, boolean nativeSignatures) {
        public SignatureCode signatureCode() {
            return nativeSignatures ? SignatureCode.AWS_LC_WHERE_USABLE : SignatureCode.BOUNCY_CASTLE_ONLY;
        }
    }

    /**
     * @param keystore PKCS#12 file holding the CA key and certificate (alias "ca")
     * @param keyType P256 or RSA2048, for a CA created here
     * @param crlDistributionPoint the CRL's URL written into every certificate (plain HTTP, RFC 5280 4.2.1.13)
     * @param ocspUrl the OCSP responder's URL written into every certificate's Authority Information Access
     */
    @ConfigurationProperties("ca")
    public record Ca(String keystore, String password, String keyType, String subject, String crlDistributionPoint,
                     String ocspUrl) {
        @Override
        public String toString() {
            return "Ca[keystore=" + keystore + ", keyType=" + keyType + ", subject=" + subject + "]";
        }
    }

    /**
     * The CA key in a PKCS#11 token (an HSM) rather than in {@link Ca#keystore()}: used when {@code library} is set.
     * The key is made in the token by the set-up ({@code java -jar … ca-token-setup}; on the embedded default at the
     * first start) and never leaves it.
     *
     * @param library the token vendor's PKCS#11 module, e.g. /usr/lib/softhsm/libsofthsm2.so; blank: no token
     * @param slotListIndex the token's place among the module's slots that hold a token (0 for the first)
     * @param alias the CA key's alias in the token
     * @param pin the token's user PIN (production: CERTRENEWAL_CA_TOKEN_PIN)
     */
    @ConfigurationProperties("ca-token")
    public record CaTokenSettings(String library, int slotListIndex, String alias, String pin) {
        public boolean configured() {
            return library != null && !library.isBlank();
        }

        @Override
        public String toString() {
            return "CaTokenSettings[library=" + library + ", slotListIndex=" + slotListIndex + ", alias=" + alias + "]";
        }
    }

    /**
     * The audit trail's anchor outside the database (its key made here only where
     * {@code certrenewal.pki.create-missing-key-material} allows): signed checkpoints of the chain's end.
     *
     * @param keystore PKCS#12 file holding the audit signing key (alias "audit"), kept with the CA key, never in the database
     * @param checkpoints the append-only file the checkpoints are written to, one signed line each
     * @param checkpointInterval how often a checkpoint is written when the chain grew (and once more at shutdown)
     * @param unknownCallerAddressesPerMinute how many client addresses a minute get a record of their own for refusals
     *     of unknown certificates, staff names and login IDs; the rest are counted together
     */
    @ConfigurationProperties("audit")
    public record Audit(String keystore, String password, String checkpoints,
                        Duration checkpointInterval, int unknownCallerAddressesPerMinute) {
        @Override
        public String toString() {
            return "Audit[keystore=" + keystore + ", checkpoints=" + checkpoints + ", checkpointInterval="
                    + checkpointInterval + ", unknownCallerAddressesPerMinute=" + unknownCallerAddressesPerMinute + "]";
        }
    }

    /**
     * The server's TLS key store: the operator's in production; on the embedded default written from the
     * development TLS issuer when missing or near expiry.
     *
     * @param hostnames DNS names and IP addresses of a server certificate made here
     * @param developmentIssuer PKCS#12 file of the development TLS issuer (key protected by {@code password}), its
     *     certificate written beside it as {@code .crt}; used only where key material may be created
     */
    @ConfigurationProperties("tls")
    public record Tls(String keystore, String password, String hostnames, String developmentIssuer) {
        @Override
        public String toString() {
            return "Tls[keystore=" + keystore + ", hostnames=" + hostnames + ", developmentIssuer=" + developmentIssuer
                    + "]";
        }
    }

    /**
     * @param graceDays for this many days after its expiry an ID's current certificate may still renew itself (and
     *     nothing else); 0 disables renewal after expiry
     */
    @ConfigurationProperties("renewal")
    public record Renewal(int windowDays, Duration openTimeout, Duration validity, Duration sweepInterval, int graceDays) {
    }

    /**
     * @param maxFailedPasswords wrong passwords in a row that lock a login ID
     * @param passwordHashIterations PBKDF2 iterations for new password hashes
     * @param passwordHashConcurrency password hashes computed at once; the others wait, so that a flood of
     *     anonymous logins cannot take every core from renewals
     */
    @ConfigurationProperties("login")
    public record Login(int maxFailedPasswords, int passwordHashIterations, int passwordHashConcurrency) {
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
     * The delegated OCSP responder's key (issued by the CA for OCSP signing), kept beside the CA key: made and
     * renewed here only where {@code certrenewal.pki.create-missing-key-material} allows, else the operator's.
     *
     * @param keystore PKCS#12 file holding the responder's key and certificate (alias "ocsp")
     */
    @ConfigurationProperties("ocsp")
    public record Ocsp(String keystore, String password) {
        @Override
        public String toString() {
            return "Ocsp[keystore=" + keystore + "]";
        }
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
     * attempt waits, twice as long after every failure, from {@code firstDelay} up to {@code maxDelay}. A count
     * whose last failure is {@code forgetAfter} old no longer counts; every {@code sweepInterval} one node deletes
     * such counts.
     */
    @ConfigurationProperties("pickup")
    public record Pickup(int freeAttempts, Duration firstDelay, Duration maxDelay, Duration forgetAfter,
                         Duration sweepInterval) {
        public Pickup {
            throttle(freeAttempts, firstDelay, maxDelay, forgetAfter); // a start with settings it refuses stops here
        }

        PickupThrottle throttle() {
            return throttle(freeAttempts, firstDelay, maxDelay, forgetAfter);
        }

        private static PickupThrottle throttle(int freeAttempts, Duration firstDelay, Duration maxDelay,
                                               Duration forgetAfter) {
            try {
                return new PickupThrottle(freeAttempts, firstDelay, maxDelay, forgetAfter);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("certrenewal.pickup: " + e.getMessage(), e);
            }
        }
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

    /**
     * @param leaseDuration how long a node holds a cluster-wide task's lease from its last run (ClusterTasks): a
     *     node that died is replaced after at most this long; every run of a task must end within it
     */
    @ConfigurationProperties("cluster")
    public record Cluster(Duration leaseDuration) {
        public Cluster {
            if (leaseDuration == null || leaseDuration.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("certrenewal.cluster.lease-duration must be at least 1s: " + leaseDuration);
            }
        }
    }

    /**
     * The expiry notices (ExpiryNoticeJob): at these days before expiry, and one on expiry while
     * {@code certrenewal.renewal.grace-days} last.
     *
     * @param offsetDays days before expiry at which a notice is due (default 40 and 10)
     * @param interval how often the job queues and sends (on one node at a time; each run ends within the lease)
     * @param firstRetry the wait after the first failed attempt, doubled after each further one up to {@code maxRetry}
     * @param maxAttempts attempts before a notice is FAILED
     * @param loginUrl where the customer logs in, written into every notice (production: CERTRENEWAL_LOGIN_URL)
     * @param digest daily, weekly or off: each contract administrator's digest of its IDs in the window
     * @param smtp the mail server; without a host the notices are written as .eml files under {@code data-dir/mail}
     */
    @ConfigurationProperties("notices")
    public record Notices(List<Integer> offsetDays, Duration interval, Duration initialDelay, Duration firstRetry,
                          Duration maxRetry, int maxAttempts, String loginUrl, String digest, Smtp smtp) {

        /** CERTRENEWAL_SMTP_*: host (blank: files), port (0: the TLS mode's usual one), user, password, from, tls. */
        @ConfigurationProperties("smtp")
        public record Smtp(String host, int port, String user, String password, String from, String tls) {
            @Override
            public String toString() {
                return "Smtp[host=" + host + ", port=" + port + ", user=" + user + ", from=" + from + ", tls=" + tls + "]";
            }
        }
    }

    /**
     * The bank's console: dual control (four eyes, README: Dual control).
     *
     * @param dualControl the actions a second staff member must approve (names of {@link DualControlAction}); by
     *     default all four; empty: off, every action runs at once as before
     * @param approvalDeadline how long a request may be approved before it expires (default 24 h)
     * @param clientCertificate whether the console's login needs the staff member's own client certificate
     *     ({@code off}, the default, or {@code required})
     * @param staffCertificateValidity how long a staff certificate is valid (default 365 days)
     */
    @ConfigurationProperties("console")
    public record Console(List<String> dualControl, Duration approvalDeadline, String clientCertificate,
                          Duration staffCertificateValidity) {
        /** {@code client-certificate}: {@code off} (also unset, or YAML's false) or {@code required}; anything else stops the start. */
        public StaffCertificateLogin.Requirement staffCertificateRequirement() {
            String value = clientCertificate == null ? "off" : clientCertificate.strip().toLowerCase(java.util.Locale.ROOT);
            return switch (value) {
                case "off", "false", "" -> StaffCertificateLogin.Requirement.OFF;
                case "required" -> StaffCertificateLogin.Requirement.REQUIRED;
                default -> throw new IllegalStateException("certrenewal.console.client-certificate: " + clientCertificate
                        + " is neither off nor required");
            };
        }

        /** How long a staff certificate is valid; one year unless set. */
        public Duration staffCertificateValidityOrDefault() {
            return staffCertificateValidity == null ? Duration.ofDays(365) : staffCertificateValidity;
        }

        /** The configured actions; an unknown name stops the start, naming it. */
        public Set<DualControlAction> dualControlled() {
            Set<DualControlAction> actions = EnumSet.noneOf(DualControlAction.class);
            for (String name : dualControl == null ? List.<String>of() : dualControl) {
                if (name.isBlank()) {
                    continue;
                }
                try {
                    actions.add(DualControlAction.valueOf(name.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_')));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("certrenewal.console.dual-control: unknown action " + name.strip()
                            + "; known: " + java.util.Arrays.toString(DualControlAction.values()), e);
                }
            }
            return actions;
        }
    }
}
