package certrenewal.app;

import certrenewal.adapters.pki.AuditKeyMaterial;
import certrenewal.adapters.pki.AuditKeyStore;
import certrenewal.adapters.pki.BouncyCastleCertificateAuthority;
import certrenewal.adapters.pki.CaKeyMaterial;
import certrenewal.adapters.pki.CaKeyStore;
import certrenewal.adapters.pki.CaKeyType;
import certrenewal.adapters.pki.Pbkdf2PasswordHasher;
import certrenewal.adapters.pki.SignedCheckpointFile;
import certrenewal.adapters.pki.TlsServerCertificate;
import certrenewal.application.port.out.AuditCheckpointPort;
import certrenewal.application.port.out.CertificateAuthorityPort;
import certrenewal.application.port.out.PasswordHasherPort;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CA key, the audit key and the server's TLS key store. Created at context start, before the
 * HTTPS server reads its key store; a key store that production needs and lacks stops the start.
 */
@Factory
final class PkiFactory {
    private static final Logger LOG = LoggerFactory.getLogger(PkiFactory.class);

    @Context
    CaKeyMaterial caKeyMaterial(BankSettings settings, Clock clock) {
        BankSettings.Ca ca = settings.ca();
        Path keystore = Path.of(ca.keystore());
        char[] password = ca.password().toCharArray();
        CaKeyMaterial material;
        if (ca.createIfMissing()) {
            boolean existed = Files.exists(keystore);
            material = CaKeyStore.loadOrCreate(keystore, password, CaKeyType.valueOf(ca.keyType()), ca.subject(), clock);
            if (!existed) {
                LOG.info("Created a development CA in {}: {}", keystore, material.certificate().getSubjectX500Principal());
            }
        } else {
            material = CaKeyStore.load(keystore, password);
        }
        writeTlsKeyStoreIfNeeded(settings.tls(), material, clock);
        return material;
    }

    /** Same rule as the CA key's: created only where allowed (embedded default), else loaded or the start fails. */
    @Context
    AuditKeyMaterial auditKeyMaterial(BankSettings settings, Clock clock) {
        BankSettings.Audit audit = settings.audit();
        Path keystore = Path.of(audit.keystore());
        char[] password = audit.password().toCharArray();
        if (!audit.createIfMissing()) {
            return AuditKeyStore.load(keystore, password);
        }
        boolean existed = Files.exists(keystore);
        AuditKeyMaterial material = AuditKeyStore.loadOrCreate(keystore, password, clock);
        if (!existed) {
            LOG.info("Created a development audit key in {}", keystore);
        }
        return material;
    }

    @Context
    AuditCheckpointPort auditCheckpoints(AuditKeyMaterial key, BankSettings settings) {
        return new SignedCheckpointFile(Path.of(settings.audit().checkpoints()), key);
    }

    @Singleton
    CertificateAuthorityPort certificateAuthority(CaKeyMaterial ca, BankSettings settings) {
        return new BouncyCastleCertificateAuthority(ca, URI.create(settings.ca().crlDistributionPoint()));
    }

    @Singleton
    PasswordHasherPort passwordHasher(BankSettings settings) {
        return new Pbkdf2PasswordHasher(settings.login().passwordHashIterations());
    }

    private static void writeTlsKeyStoreIfNeeded(BankSettings.Tls tls, CaKeyMaterial ca, Clock clock) {
        Path keystore = Path.of(tls.keystore());
        char[] password = tls.password().toCharArray();
        if (TlsServerCertificate.isUsable(keystore, password, ca.certificate(), clock)) {
            return;
        }
        List<String> dnsNames = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        for (String host : Arrays.stream(tls.hostnames().split(",")).map(String::strip).filter(h -> !h.isEmpty()).toList()) {
            (host.matches("[0-9.]+|.*:.*") ? addresses : dnsNames).add(host);
        }
        TlsServerCertificate.writeKeyStore(ca, keystore, password, dnsNames, addresses, clock);
        LOG.info("Wrote the server's TLS certificate for {} {} to {}", dnsNames, addresses, keystore);
    }
}
