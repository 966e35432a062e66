package certrenewal.domain.renewal;

import certrenewal.domain.Rejection;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.certificate.SerialNumber;
import java.time.Instant;
import java.util.Objects;

/**
 * The renewal of one login ID's certificate, as a state machine whose states are types:
 * a transition exists only on the state it leaves, so an illegal one does not compile.
 *
 * <pre>
 * Started ──awaitKey──▶ AwaitingKey ──issue──▶ Issued ──confirm──▶ Confirmed
 *    │                      │                    │
 *    └──abandon / fail──────┴──abandon / fail    └──replace / decline──▶ Abandoned
 * </pre>
 *
 * Every state carries the same version, which the persistence adapter uses for optimistic locking.
 */
public sealed interface Renewal {

    RenewalId id();

    LoginId loginId();

    /** The certificate being renewed; it stays valid until the new one is used. */
    SerialNumber oldSerial();

    Instant startedAt();

    long version();

    RenewalState state();

    /** Starts a renewal: the 「電子証明書更新前処理中」 step. */
    static Started start(LoginId loginId, SerialNumber oldSerial, Instant now) {
        return new Started(RenewalId.random(), loginId, oldSerial, now, 0);
    }

    default boolean isOpen() {
        return state().isOpen();
    }

    /** An open renewal left alone longer than the policy's timeout. */
    default boolean hasTimedOut(Instant now, RenewalPolicy policy) {
        return isOpen() && !now.isBefore(startedAt().plus(policy.openTimeout()));
    }

    /** Common to the states from which a renewal can still stop without a certificate. */
    sealed interface Open extends Renewal permits Started, AwaitingKey {
        default Abandoned abandon(String reason, Instant now) {
            return new Abandoned(id(), loginId(), oldSerial(), startedAt(), version(), now, reason);
        }

        default Failed fail(Rejection reason, Instant now) {
            return new Failed(id(), loginId(), oldSerial(), startedAt(), version(), now, reason);
        }
    }

    record Started(RenewalId id, LoginId loginId, SerialNumber oldSerial, Instant startedAt, long version)
            implements Open {
        public Started {
            requireCommon(id, loginId, oldSerial, startedAt);
        }

        /** The server is ready; the customer now creates a key pair and sends its request. */
        public AwaitingKey awaitKey() {
            return new AwaitingKey(id, loginId, oldSerial, startedAt, version);
        }

        @Override
        public RenewalState state() {
            return RenewalState.STARTED;
        }
    }

    record AwaitingKey(RenewalId id, LoginId loginId, SerialNumber oldSerial, Instant startedAt, long version)
            implements Open {
        public AwaitingKey {
            requireCommon(id, loginId, oldSerial, startedAt);
        }

        public Issued issue(SerialNumber newSerial, Instant now) {
            Objects.requireNonNull(newSerial, "new serial must not be null");
            if (newSerial.equals(oldSerial)) {
                throw new IllegalArgumentException("the new certificate must have a new serial");
            }
            return new Issued(id, loginId, oldSerial, startedAt, version, newSerial, now);
        }

        @Override
        public RenewalState state() {
            return RenewalState.AWAITING_KEY;
        }
    }

    /** The new certificate exists; the old one stays valid until the new one is used. */
    record Issued(RenewalId id, LoginId loginId, SerialNumber oldSerial, Instant startedAt, long version,
                  SerialNumber newSerial, Instant issuedAt) implements Renewal {
        public Issued {
            requireCommon(id, loginId, oldSerial, startedAt);
            Objects.requireNonNull(newSerial, "new serial must not be null");
            Objects.requireNonNull(issuedAt, "issuedAt must not be null");
        }

        /** The new certificate was used to authenticate: the old one is now superseded. */
        public Confirmed confirm(Instant now) {
            return new Confirmed(id, loginId, oldSerial, startedAt, version, newSerial, issuedAt, now);
        }

        /** The customer declined to save the new certificate (いいえ); it is revoked unused. */
        public Abandoned decline(String reason, Instant now) {
            return new Abandoned(id, loginId, oldSerial, startedAt, version, now, reason);
        }

        /** A later renewal of the same old certificate replaces this one before it was used. */
        public Abandoned replace(Instant now) {
            return new Abandoned(id, loginId, oldSerial, startedAt, version, now,
                    "replaced by a later renewal before the new certificate was used");
        }

        @Override
        public RenewalState state() {
            return RenewalState.ISSUED;
        }
    }

    record Confirmed(RenewalId id, LoginId loginId, SerialNumber oldSerial, Instant startedAt, long version,
                     SerialNumber newSerial, Instant issuedAt, Instant confirmedAt) implements Renewal {
        public Confirmed {
            requireCommon(id, loginId, oldSerial, startedAt);
            Objects.requireNonNull(newSerial, "new serial must not be null");
            Objects.requireNonNull(issuedAt, "issuedAt must not be null");
            Objects.requireNonNull(confirmedAt, "confirmedAt must not be null");
        }

        @Override
        public RenewalState state() {
            return RenewalState.CONFIRMED;
        }
    }

    /** Given up: by the customer (いいえ), by timeout, or replaced by a later renewal. */
    record Abandoned(RenewalId id, LoginId loginId, SerialNumber oldSerial, Instant startedAt, long version,
                     Instant endedAt, String reason) implements Renewal {
        public Abandoned {
            requireCommon(id, loginId, oldSerial, startedAt);
            Objects.requireNonNull(endedAt, "endedAt must not be null");
            Objects.requireNonNull(reason, "reason must not be null");
        }

        @Override
        public RenewalState state() {
            return RenewalState.ABANDONED;
        }
    }

    /** Stopped by an error, with a reason the customer can read. */
    record Failed(RenewalId id, LoginId loginId, SerialNumber oldSerial, Instant startedAt, long version,
                  Instant endedAt, Rejection reason) implements Renewal {
        public Failed {
            requireCommon(id, loginId, oldSerial, startedAt);
            Objects.requireNonNull(endedAt, "endedAt must not be null");
            Objects.requireNonNull(reason, "reason must not be null");
        }

        @Override
        public RenewalState state() {
            return RenewalState.FAILED;
        }
    }

    private static void requireCommon(RenewalId id, LoginId loginId, SerialNumber oldSerial, Instant startedAt) {
        Objects.requireNonNull(id, "renewal ID must not be null");
        Objects.requireNonNull(loginId, "login ID must not be null");
        Objects.requireNonNull(oldSerial, "old serial must not be null");
        Objects.requireNonNull(startedAt, "startedAt must not be null");
    }
}
