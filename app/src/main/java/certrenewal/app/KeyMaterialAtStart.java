package certrenewal.app;

import certrenewal.adapters.pki.AuditKeyMaterial;
import certrenewal.adapters.pki.CaKeyMaterial;
import certrenewal.adapters.pki.CaKeyStore;
import certrenewal.adapters.pki.OcspSigningKeyMaterial;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;

/**
 * Opens the key stores on threads of their own as soon as the context starts, so that their loading overlaps with
 * the database's start instead of following it. Each PKCS#12 file costs two PBKDF2 runs of 10,000 iterations, slow in
 * a JVM that has not compiled them yet, and BouncyCastle's provider, which the CA key's check needs, takes about as
 * long to make: together about half a second of a restart on 2 cores, which the HTTPS server's first answer no longer
 * waits for in full.
 *
 * <p>The provider is made on a thread of its own, beside the CA's key store (it was made after it, on the CA key's
 * path, until 2026-12-03). The CA key comes first: the server's key store and the OCSP key are checked against (or
 * made with) it. The audit key is independent. The beans that hand them out ({@link PkiFactory}) wait for them, and a
 * load that fails fails the start there, with the same one-line refusal as when the main thread loaded them, logged
 * there once. Created first of the context's eager beans ({@code @Order}), so that nothing waits for it that could
 * have run beside it.
 */
@Context
@Order(Ordered.HIGHEST_PRECEDENCE)
final class KeyMaterialAtStart {
    private final CompletableFuture<CaKeyMaterial> ca;
    private final CompletableFuture<Void> serverKeyStore;
    private final CompletableFuture<OcspSigningKeyMaterial> ocsp;
    private final CompletableFuture<AuditKeyMaterial> audit;

    KeyMaterialAtStart(BankSettings settings, Clock clock, Environment environment) {
        try {
            PkiFactory.refuseCreationInProduction(settings, environment); // before any file could be written
        } catch (PkiFactory.StartRefused refusal) {
            throw refusal.logged();
        }
        // a thread per load (five with the provider's, each ended with its load): no pool to size or to shut down
        ThreadFactory factory = Thread.ofPlatform().name("key-material-", 1).daemon().factory(); // thread-safe
        Executor threads = task -> factory.newThread(task).start();
        // BouncyCastle's provider, which the CA key's check needs after its key store is read, is made meanwhile
        threads.execute(CaKeyStore::initialiseProvider);
        ca = CompletableFuture.supplyAsync(() -> PkiFactory.loadCaKeyMaterial(settings, clock), threads);
        serverKeyStore = ca.thenAcceptAsync(key -> PkiFactory.checkServerKeyStore(settings, key, clock), threads);
        ocsp = ca.thenApplyAsync(key -> PkiFactory.loadOcspSigningKey(key, settings, clock), threads);
        audit = CompletableFuture.supplyAsync(() -> PkiFactory.loadAuditKeyMaterial(settings, clock), threads);
    }

    /** The CA key, once the server's key store is ready for the HTTPS server too. */
    CaKeyMaterial ca() {
        await(serverKeyStore);
        return await(ca);
    }

    OcspSigningKeyMaterial ocsp() {
        return await(ocsp);
    }

    AuditKeyMaterial audit() {
        return await(audit);
    }

    /**
     * The load's result, or its own exception, as if it had run on this thread; a refusal is logged here, so that only
     * the one that stops the start is (a load still running when the start failed for another reason stays silent).
     */
    private static <T> T await(CompletableFuture<T> load) {
        try {
            return load.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof PkiFactory.StartRefused refusal) {
                throw refusal.logged();
            }
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
