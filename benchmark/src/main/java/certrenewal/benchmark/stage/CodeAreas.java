package certrenewal.benchmark.stage;

import certrenewal.benchmark.measure.CpuProfile.Area;
import java.util.List;
import java.util.stream.Stream;

/** The parts of the app that CPU profiles are broken down into, most specific first. */
final class CodeAreas {
    static final String PASSWORD_HASHING = "password hashing, 600,000 PBKDF2 iterations each (demo IDs, bootstrap staff accounts)";
    static final String CA_SIGNING = "CA: build and sign";

    /** Issuing a certificate: the CA's steps, the audit trail, the rest of the database work. */
    static final List<Area> ISSUING = List.of(
            Area.within("CA: verify the request's signature", "isSignatureValid", "CertificationRequestCheck\\."),
            Area.within("CA: verify the new certificate's signature", "X509CertImpl\\.verify", "PreIssuanceCheck\\."),
            Area.of(CA_SIGNING, "SignerPool\\.|ClientCertificateProfile\\."),
            Area.of("CA: other request and pre-issuance checks (parse, key, profile)",
                    "CertificationRequestCheck\\.|PreIssuanceCheck\\."),
            Area.of("audit trail (append, and the sealer chaining in the background)", "JdbcAuditTrail\\."),
            Area.of("database (JDBC, H2, pool, transactions)",
                    "^org\\.h2\\.|^com\\.zaxxer\\.|^io\\.micronaut\\.data\\.|^io\\.micronaut\\.transaction\\.|^org\\.postgresql\\."));

    /** An EST renewal: issuing, plus TLS, authentication and HTTP. */
    static final List<Area> EST = Stream.concat(ISSUING.stream(), Stream.of(
            Area.of("TLS handshake and encryption (Java frames only: BoringSSL's native work is not sampled)", "^sun\\.security\\.ssl\\.|^io\\.netty\\.handler\\.ssl\\."),
            Area.of("client certificate authentication (gate, parse, compare)",
                    "AuthenticateCertificateService\\.|EstClientCertificateGate\\."),
            Area.of("HTTP, routing, EST encoding", "^io\\.netty\\.|^io\\.micronaut\\.|EstController|CertsOnly"))).toList();

    /** A fresh start of the app. */
    static final List<Area> STARTUP = List.of(
            Area.of(PASSWORD_HASHING, "Pbkdf2PasswordHasher\\."),
            Area.of("CA and TLS key store creation", "PkiFactory\\.|CaKeyStore\\.|TlsServerCertificate\\."),
            Area.of("schema migration (Flyway)", "^org\\.flywaydb\\."),
            Area.of("H2 and the connection pool", "^org\\.h2\\.|^com\\.zaxxer\\."),
            Area.of("demo data (issuing, PKCS#12 files)", "DemoData\\."),
            Area.of("class loading", "ClassLoader\\.|defineClass|^java\\.util\\.zip\\.|^jdk\\.internal\\.loader\\."),
            Area.of("Micronaut bean context", "^io\\.micronaut\\."),
            Area.of("Netty", "^io\\.netty\\."));

    private CodeAreas() {
    }
}
