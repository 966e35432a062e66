package certrenewal.app;

import certrenewal.adapters.pki.AuditKeyMaterial;
import certrenewal.adapters.pki.AuditKeyStore;
import certrenewal.adapters.pki.BouncyCastleOcspResponder;
import certrenewal.adapters.pki.OcspResponderKeyStore;
import certrenewal.adapters.pki.OcspSigningKeyMaterial;
import certrenewal.adapters.pki.BouncyCastleCertificateAuthority;
import certrenewal.adapters.pki.CaKeyMaterial;
import certrenewal.adapters.pki.CaKeyStore;
import certrenewal.adapters.pki.CaKeyType;
import certrenewal.adapters.pki.CaToken;
import certrenewal.adapters.pki.CaTokenStore;
import certrenewal.adapters.pki.DevelopmentTlsIssuer;
import certrenewal.adapters.pki.ConcurrencyLimitedPasswordHasher;
import certrenewal.adapters.pki.Pbkdf2PasswordHasher;
import certrenewal.adapters.pki.SignedCheckpointFile;
import certrenewal.adapters.pki.TlsServerCertificate;
import certrenewal.adapters.pki.TlsServerCertificate.ServerKeyStore;
import certrenewal.adapters.pki.UnusableKeyStoreException;
import certrenewal.application.port.out.AuditCheckpointPort;
import certrenewal.application.port.out.PasswordHasherPort;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CA key, the audit key, the OCSP key and the server's TLS key store, read (and on the embedded default made) at
 * context start, before the HTTPS server reads its key store: how each is loaded is here, the threads that load them
 * at once are {@link KeyMaterialAtStart}'s. Whether key material may be made here is one setting,
 * {@code certrenewal.pki.create-missing-key-material}: true on the embedded default, false in production, where
 * a missing or unusable key store stops the start with one log line naming the file and the problem, and no file
 * is ever written.
 */
@Factory
final class PkiFactory {
    private static final Logger LOG = LoggerFactory.getLogger(PkiFactory.class);
    /** An operator's server certificate expiring sooner than this is announced at every start. */
    private static final Duration EXPIRY_WARNING = Duration.ofDays(30);

    /** Loaded by {@link KeyMaterialAtStart}, with the server's key store checked (and on the embedded default made). */
    @Context
    CaKeyMaterial caKeyMaterial(KeyMaterialAtStart keyMaterial) {
        return keyMaterial.ca();
    }

    /** @throws StartRefused if production is configured to create key material */
    static void refuseCreationInProduction(BankSettings settings, Environment environment) {
        if (settings.pki().createMissingKeyMaterial()
                && environment.getActiveNames().contains(BankSettings.PRODUCTION_ENVIRONMENT)) {
            throw refuseStart("certrenewal.pki.create-missing-key-material is true in the production environment;"
                    + " production never creates key material: remove the setting and provide the key stores");
        }
    }

    /** The CA key: in a token or a PKCS#12 file, made only where allowed. */
    static CaKeyMaterial loadCaKeyMaterial(BankSettings settings, Clock clock) {
        boolean create = settings.pki().createMissingKeyMaterial();
        try {
            return settings.caToken().configured() ? caInToken(settings, create, clock)
                    : create ? loadOrCreateCa(settings.ca(), clock) : loadCa(settings.ca(), clock);
        } catch (UnusableKeyStoreException e) {
            throw refuseKeyStore(e, create);
        }
    }

    /**
     * The HTTPS server's key store, before the server reads it: on the embedded default issued (again) by the
     * development TLS issuer when missing or unfit, else the operator's, checked and announced when it expires soon.
     */
    static void checkServerKeyStore(BankSettings settings, CaKeyMaterial ca, Clock clock) {
        boolean create = settings.pki().createMissingKeyMaterial();
        try {
            if (create) {
                developmentServerKeyStore(settings.tls(), ca, clock);
            } else {
                warnIfExpiring(TlsServerCertificate.useProvided(Path.of(settings.tls().keystore()),
                        settings.tls().password().toCharArray(), ca.certificate(), clock), clock);
            }
        } catch (UnusableKeyStoreException e) {
            throw refuseKeyStore(e, create);
        }
    }

    private static StartRefused refuseKeyStore(UnusableKeyStoreException e, boolean create) {
        return refuseStart(e.getMessage() + (create
                ? "; it is left as it is: repair it, or delete it to have a new one made"
                : "; production never creates or replaces key material: provide a usable key store there"));
    }

    @Context
    AuditKeyMaterial auditKeyMaterial(KeyMaterialAtStart keyMaterial) {
        return keyMaterial.audit();
    }

    /** Same rule as the CA key's: created only where allowed (embedded default), else loaded or the start fails. */
    static AuditKeyMaterial loadAuditKeyMaterial(BankSettings settings, Clock clock) {
        BankSettings.Audit audit = settings.audit();
        Path keystore = Path.of(audit.keystore());
        char[] password = audit.password().toCharArray();
        try {
            if (!settings.pki().createMissingKeyMaterial()) {
                return AuditKeyStore.load(keystore, password);
            }
            boolean existed = Files.exists(keystore);
            AuditKeyMaterial material = AuditKeyStore.loadOrCreate(keystore, password, clock);
            if (!existed) {
                LOG.info("Created a development audit key in {}", keystore);
            }
            return material;
        } catch (IllegalStateException e) {
            throw refuseStart(e.getMessage() + "; production never creates key material: provide the audit key store");
        }
    }

    @Context
    AuditCheckpointPort auditCheckpoints(AuditKeyMaterial key, BankSettings settings) {
        return new SignedCheckpointFile(Path.of(settings.audit().checkpoints()), key);
    }

    /** Also the staff certificates' issuer ({@code IssueStaffCredentialPort}): the same CA key and signers. */
    @Singleton
    BouncyCastleCertificateAuthority certificateAuthority(CaKeyMaterial ca, BankSettings settings) {
        return new BouncyCastleCertificateAuthority(ca, URI.create(settings.ca().crlDistributionPoint()),
                Optional.of(URI.create(settings.ca().ocspUrl())), settings.pki().signatureCode());
    }

    /**
     * The delegated OCSP responder's key, by the CA key's rule: made (and renewed before it expires) only where
     * allowed, else the operator's key store, loaded and checked (issued by the CA, for OCSP signing, valid now).
     */
    @Context
    OcspSigningKeyMaterial ocspSigningKey(KeyMaterialAtStart keyMaterial) {
        return keyMaterial.ocsp();
    }

    /** {@link #loadOrIssueOcspKey}, or the start fails with one line naming the key store and the problem. */
    static OcspSigningKeyMaterial loadOcspSigningKey(CaKeyMaterial ca, BankSettings settings, Clock clock) {
        try {
            return loadOrIssueOcspKey(ca, settings, clock);
        } catch (UnusableKeyStoreException e) {
            throw refuseKeyStore(e, settings.pki().createMissingKeyMaterial());
        }
    }

    @Singleton
    BouncyCastleOcspResponder ocspResponder(CaKeyMaterial ca, OcspSigningKeyMaterial key, BankSettings settings) {
        return new BouncyCastleOcspResponder(ca.certificate(), key, settings.pki().signatureCode());
    }

    static OcspSigningKeyMaterial loadOrIssueOcspKey(CaKeyMaterial ca, BankSettings settings, Clock clock) {
        BankSettings.Ocsp ocsp = settings.ocsp();
        Path keystore = Path.of(ocsp.keystore());
        char[] password = ocsp.password().toCharArray();
        if (!settings.pki().createMissingKeyMaterial()) {
            OcspSigningKeyMaterial key = OcspResponderKeyStore.load(keystore, password, ca.certificate(), clock);
            if (!key.certificate().getNotAfter().toInstant().isAfter(clock.instant().plus(EXPIRY_WARNING))) {
                LOG.warn("The OCSP responder's certificate in {} expires on {}: replace the key store before then",
                        keystore, key.certificate().getNotAfter().toInstant());
            }
            return key;
        }
        OcspResponderKeyStore.Loaded loaded = OcspResponderKeyStore.loadOrIssue(keystore, password, ca, clock);
        if (loaded.written() != OcspResponderKeyStore.Written.NOTHING) {
            LOG.info("Wrote the OCSP responder's key and certificate (issued by the CA, valid until {}) to {} ({})",
                    loaded.material().certificate().getNotAfter().toInstant(), keystore, loaded.written());
        }
        return loaded.material();
    }

    @Singleton
    PasswordHasherPort passwordHasher(BankSettings settings) {
        return new ConcurrencyLimitedPasswordHasher(new Pbkdf2PasswordHasher(settings.login().passwordHashIterations()),
                settings.login().passwordHashConcurrency());
    }

    /** The CA key in a PKCS#11 token: made there only where key material may be created, else used as it is. */
    private static CaKeyMaterial caInToken(BankSettings settings, boolean create, Clock clock) {
        CaToken token = caToken(settings.caToken());
        if (!create) {
            return CaTokenStore.load(token, clock);
        }
        CaKeyMaterial material = CaTokenStore.loadOrCreate(token, CaKeyType.valueOf(settings.ca().keyType()),
                settings.ca().subject(), clock);
        LOG.info("The CA key is in the PKCS#11 token ({}): {}", token, material.certificate().getSubjectX500Principal());
        return material;
    }

    static CaToken caToken(BankSettings.CaTokenSettings settings) {
        return new CaToken(Path.of(settings.library()), settings.slotListIndex(), settings.alias(),
                settings.pin().toCharArray());
    }

    private static CaKeyMaterial loadCa(BankSettings.Ca ca, Clock clock) {
        if (ca.keystore() == null || ca.keystore().isBlank()) {
            throw refuseStart("no CA key: set CERTRENEWAL_CA_KEYSTORE and CERTRENEWAL_CA_PASSWORD (a PKCS#12 file),"
                    + " or CERTRENEWAL_CA_TOKEN_LIBRARY and CERTRENEWAL_CA_TOKEN_PIN (a PKCS#11 token)");
        }
        return CaKeyStore.load(Path.of(ca.keystore()), ca.password().toCharArray(), clock);
    }

    private static CaKeyMaterial loadOrCreateCa(BankSettings.Ca ca, Clock clock) {
        Path keystore = Path.of(ca.keystore());
        boolean existed = Files.exists(keystore);
        CaKeyMaterial material = CaKeyStore.loadOrCreate(keystore, ca.password().toCharArray(),
                CaKeyType.valueOf(ca.keyType()), ca.subject(), clock);
        if (!existed) {
            LOG.info("Created a development CA in {}: {}", keystore, material.certificate().getSubjectX500Principal());
        }
        return material;
    }

    /** The embedded default: the server's certificate comes from a development TLS issuer, never the client CA. */
    private static void developmentServerKeyStore(BankSettings.Tls tls, CaKeyMaterial ca, Clock clock) {
        char[] password = tls.password().toCharArray();
        Path issuerStore = Path.of(tls.developmentIssuer());
        CaKeyMaterial issuer = DevelopmentTlsIssuer.loadOrCreate(issuerStore, password, clock);
        List<String> dnsNames = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        for (String host : Arrays.stream(tls.hostnames().split(",")).map(String::strip).filter(h -> !h.isEmpty()).toList()) {
            (host.matches("[0-9.]+|.*:.*") ? addresses : dnsNames).add(host);
        }
        ServerKeyStore server = TlsServerCertificate.useOrIssueForDevelopment(issuer, ca.certificate(),
                Path.of(tls.keystore()), password, dnsNames, addresses, clock);
        if (server.written() != TlsServerCertificate.Written.NOTHING) {
            LOG.info("Wrote the server's TLS certificate for {} {} to {} ({}), issued by the development TLS issuer"
                            + " whose certificate, the trust anchor for this server, is {}", dnsNames, addresses,
                    server.file(), server.written(), DevelopmentTlsIssuer.certificateFile(issuerStore));
        }
    }

    private static void warnIfExpiring(ServerKeyStore server, Clock clock) {
        if (server.expiresWithin(EXPIRY_WARNING, clock)) {
            LOG.warn("The server's TLS certificate in {} ({}) expires on {}: replace the key store before then",
                    server.file(), server.certificate().getSubjectX500Principal(), server.certificate().getNotAfter()
                            .toInstant());
        }
    }

    private static StartRefused refuseStart(String reason) {
        return new StartRefused(reason);
    }

    /**
     * Why the start stops, in one line. The loads run on threads of their own, so the thread that fails the start
     * logs it ({@link KeyMaterialAtStart}): once, and only when it does stop the start.
     */
    static final class StartRefused extends IllegalStateException {
        StartRefused(String reason) {
            super("Cannot start: " + reason);
        }

        /** Logs the refusal (the message is the whole line) and returns it to throw. */
        StartRefused logged() {
            LOG.error(getMessage());
            return this;
        }
    }
}
