package certrenewal.adapters.pki;

import certrenewal.application.port.out.PasswordHasherPort;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * At most {@code permits} password hashes at once, the others waiting their turn (first come, first
 * served). Anonymous requests trigger hashing (login, 証明書取得, console login: 600,000 PBKDF2
 * iterations each), so a flood of them could otherwise take every core from renewals, which hash
 * no passwords.
 */
public final class ConcurrencyLimitedPasswordHasher implements PasswordHasherPort {
    private final PasswordHasherPort hasher;
    private final Semaphore permits;

    public ConcurrencyLimitedPasswordHasher(PasswordHasherPort hasher, int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("at least one password hash must be allowed at a time");
        }
        this.hasher = Objects.requireNonNull(hasher, "hasher must not be null");
        this.permits = new Semaphore(permits, true);
    }

    @Override
    public String hash(char[] password) {
        return limited(() -> hasher.hash(password));
    }

    @Override
    public boolean matches(char[] password, String hash) {
        return limited(() -> hasher.matches(password, hash));
    }

    /** Makes nothing: no need to wait for a permit. */
    @Override
    public String decoyHash() {
        return hasher.decoyHash();
    }

    private <T> T limited(Supplier<T> work) {
        permits.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }
}
