package certrenewal.app;

import certrenewal.adapters.pki.BouncyCastleOcspResponder;
import certrenewal.adapters.pki.CaKeyMaterial;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Where key material may be made (embedded default), renews the OCSP responder's short-lived certificate while the
 * server runs, before it expires (a start renews it too); in production the operator replaces the key store.
 */
@Singleton
final class OcspKeyRenewal {
    private final CaKeyMaterial ca;
    private final BankSettings settings;
    private final Clock clock;
    private final BouncyCastleOcspResponder responder;

    OcspKeyRenewal(CaKeyMaterial ca, BankSettings settings, Clock clock, BouncyCastleOcspResponder responder) {
        this.ca = ca;
        this.settings = settings;
        this.clock = clock;
        this.responder = responder;
    }

    @Scheduled(fixedDelay = "${certrenewal.ocsp.renewal-check:12h}", initialDelay = "${certrenewal.ocsp.renewal-check:12h}")
    void renewIfDue() {
        if (settings.pki().createMissingKeyMaterial()) {
            responder.useSigningKey(PkiFactory.loadOrIssueOcspKey(ca, settings, clock));
        }
    }
}
