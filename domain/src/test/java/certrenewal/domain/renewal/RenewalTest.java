package certrenewal.domain.renewal;

import static certrenewal.domain.TestData.IN_WINDOW;
import static certrenewal.domain.TestData.LOGIN_ID;
import static certrenewal.domain.TestData.NEW_SERIAL;
import static certrenewal.domain.TestData.OLD_SERIAL;
import static certrenewal.domain.TestData.awaitingKey;
import static certrenewal.domain.TestData.issued;
import static certrenewal.domain.TestData.started;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.domain.Rejection;
import certrenewal.domain.Rejection.Code;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RenewalTest {
    private static final Instant T0 = IN_WINDOW;
    private static final Instant LATER = T0.plusSeconds(120);
    private static final RenewalPolicy POLICY = RenewalPolicy.DEFAULT;

    @Test
    void startBeginsInStartedWithAFreshIdAndVersionZero() {
        Renewal.Started started = Renewal.start(LOGIN_ID, OLD_SERIAL, T0);

        assertEquals(RenewalState.STARTED, started.state());
        assertEquals(LOGIN_ID, started.loginId());
        assertEquals(OLD_SERIAL, started.oldSerial());
        assertEquals(T0, started.startedAt());
        assertEquals(0, started.version());
        assertTrue(started.isOpen());
        assertNotEquals(started.id(), Renewal.start(LOGIN_ID, OLD_SERIAL, T0).id());
    }

    @Test
    void awaitKeyKeepsIdentityAndVersion() {
        Renewal.Started started = started(T0);
        Renewal.AwaitingKey awaiting = started.awaitKey();

        assertEquals(RenewalState.AWAITING_KEY, awaiting.state());
        assertCommon(started, awaiting);
        assertTrue(awaiting.isOpen());
    }

    @Test
    void issueRecordsTheNewSerialAndTime() {
        Renewal.AwaitingKey awaiting = awaitingKey(T0);
        Renewal.Issued issued = awaiting.issue(NEW_SERIAL, LATER);

        assertEquals(RenewalState.ISSUED, issued.state());
        assertCommon(awaiting, issued);
        assertEquals(NEW_SERIAL, issued.newSerial());
        assertEquals(LATER, issued.issuedAt());
        assertFalse(issued.isOpen());
    }

    @Test
    void issueRefusesTheOldSerialOrNone() {
        Renewal.AwaitingKey awaiting = awaitingKey(T0);

        assertThrows(IllegalArgumentException.class, () -> awaiting.issue(OLD_SERIAL, LATER));
        assertThrows(NullPointerException.class, () -> awaiting.issue(null, LATER));
        assertThrows(NullPointerException.class, () -> awaiting.issue(NEW_SERIAL, null));
    }

    @Test
    void confirmRecordsFirstUse() {
        Renewal.Issued issued = issued(T0, NEW_SERIAL);
        Instant used = LATER.plusSeconds(600);
        Renewal.Confirmed confirmed = issued.confirm(used);

        assertEquals(RenewalState.CONFIRMED, confirmed.state());
        assertCommon(issued, confirmed);
        assertEquals(NEW_SERIAL, confirmed.newSerial());
        assertEquals(issued.issuedAt(), confirmed.issuedAt());
        assertEquals(used, confirmed.confirmedAt());
        assertFalse(confirmed.isOpen());
        assertThrows(NullPointerException.class, () -> issued.confirm(null));
    }

    @Test
    void replaceAbandonsAnIssuedRenewalWithAReadableReason() {
        Renewal.Issued issued = issued(T0, NEW_SERIAL);
        Renewal.Abandoned replaced = issued.replace(LATER);

        assertEquals(RenewalState.ABANDONED, replaced.state());
        assertCommon(issued, replaced);
        assertEquals(LATER, replaced.endedAt());
        assertTrue(replaced.reason().contains("replaced"), replaced.reason());
        assertFalse(replaced.isOpen());
    }

    @Test
    void declineAbandonsAnIssuedRenewalWithTheCustomersReason() {
        Renewal.Issued issued = issued(T0, NEW_SERIAL);
        Renewal.Abandoned declined = issued.decline("declined to save the certificate", LATER);

        assertEquals(RenewalState.ABANDONED, declined.state());
        assertCommon(issued, declined);
        assertEquals(LATER, declined.endedAt());
        assertEquals("declined to save the certificate", declined.reason());
    }

    @Test
    void openRenewalsCanBeAbandonedFromEitherOpenState() {
        for (Renewal.Open open : List.<Renewal.Open>of(started(T0), awaitingKey(T0))) {
            Renewal.Abandoned abandoned = open.abandon("declined", LATER);

            assertEquals(RenewalState.ABANDONED, abandoned.state());
            assertCommon(open, abandoned);
            assertEquals("declined", abandoned.reason());
            assertEquals(LATER, abandoned.endedAt());
            assertFalse(abandoned.isOpen());
        }
    }

    @Test
    void openRenewalsCanFailFromEitherOpenStateWithAReadableReason() {
        Rejection reason = Rejection.of(Code.BAD_REQUEST_SIGNATURE);
        for (Renewal.Open open : List.<Renewal.Open>of(started(T0), awaitingKey(T0))) {
            Renewal.Failed failed = open.fail(reason, LATER);

            assertEquals(RenewalState.FAILED, failed.state());
            assertCommon(open, failed);
            assertEquals(reason, failed.reason());
            assertEquals("The certificate request's signature does not verify.", failed.reason().message());
            assertEquals(LATER, failed.endedAt());
            assertFalse(failed.isOpen());
        }
    }

    @Test
    void endingNeedsAReasonAndATime() {
        Renewal.Started started = started(T0);

        assertThrows(NullPointerException.class, () -> started.abandon(null, LATER));
        assertThrows(NullPointerException.class, () -> started.abandon("declined", null));
        assertThrows(NullPointerException.class, () -> started.fail(null, LATER));
        assertThrows(NullPointerException.class, () -> started.fail(Rejection.of(Code.ISSUANCE_FAILED), null));
    }

    @Test
    void timesOutExactlyWhenTheTimeoutHasPassed() {
        Renewal.Started started = started(T0);
        Instant deadline = T0.plus(Duration.ofMinutes(15));

        assertFalse(started.hasTimedOut(deadline.minusNanos(1), POLICY));
        assertTrue(started.hasTimedOut(deadline, POLICY));
        assertTrue(started.awaitKey().hasTimedOut(deadline, POLICY));
        assertFalse(started.awaitKey().hasTimedOut(deadline.minusNanos(1), POLICY));
    }

    @Test
    void timeoutFollowsThePolicy() {
        RenewalPolicy fiveMinutes = new RenewalPolicy(40, Duration.ofMinutes(5), Duration.ofDays(365));

        assertTrue(started(T0).hasTimedOut(T0.plus(Duration.ofMinutes(5)), fiveMinutes));
        assertFalse(started(T0).hasTimedOut(T0.plus(Duration.ofMinutes(5)), POLICY));
    }

    @Test
    void endedRenewalsNeverTimeOut() {
        Instant muchLater = T0.plus(Duration.ofDays(30));

        assertFalse(issued(T0, NEW_SERIAL).hasTimedOut(muchLater, POLICY));
        assertFalse(issued(T0, NEW_SERIAL).confirm(LATER).hasTimedOut(muchLater, POLICY));
        assertFalse(started(T0).abandon("declined", LATER).hasTimedOut(muchLater, POLICY));
        assertFalse(started(T0).fail(Rejection.of(Code.ISSUANCE_FAILED), LATER).hasTimedOut(muchLater, POLICY));
    }

    @Test
    void onlyStartedAndAwaitingKeyAreOpenStates() {
        assertTrue(RenewalState.STARTED.isOpen());
        assertTrue(RenewalState.AWAITING_KEY.isOpen());
        assertFalse(RenewalState.ISSUED.isOpen());
        assertFalse(RenewalState.CONFIRMED.isOpen());
        assertFalse(RenewalState.ABANDONED.isOpen());
        assertFalse(RenewalState.FAILED.isOpen());
    }

    @Test
    void everyStateRequiresItsCommonFields() {
        RenewalId id = RenewalId.random();
        assertThrows(NullPointerException.class, () -> new Renewal.Started(null, LOGIN_ID, OLD_SERIAL, T0, 0));
        assertThrows(NullPointerException.class, () -> new Renewal.Started(id, null, OLD_SERIAL, T0, 0));
        assertThrows(NullPointerException.class, () -> new Renewal.Started(id, LOGIN_ID, null, T0, 0));
        assertThrows(NullPointerException.class, () -> new Renewal.Started(id, LOGIN_ID, OLD_SERIAL, null, 0));
        assertThrows(NullPointerException.class, () -> new Renewal.AwaitingKey(id, LOGIN_ID, OLD_SERIAL, null, 0));
        assertThrows(NullPointerException.class,
                () -> new Renewal.Issued(id, LOGIN_ID, OLD_SERIAL, T0, 0, null, LATER));
        assertThrows(NullPointerException.class,
                () -> new Renewal.Issued(id, LOGIN_ID, OLD_SERIAL, T0, 0, NEW_SERIAL, null));
        assertThrows(NullPointerException.class,
                () -> new Renewal.Confirmed(id, LOGIN_ID, OLD_SERIAL, T0, 0, NEW_SERIAL, null, LATER));
        assertThrows(NullPointerException.class,
                () -> new Renewal.Confirmed(id, LOGIN_ID, OLD_SERIAL, T0, 0, null, LATER, LATER));
        assertThrows(NullPointerException.class,
                () -> new Renewal.Abandoned(id, LOGIN_ID, null, T0, 0, LATER, "why"));
        assertThrows(NullPointerException.class,
                () -> new Renewal.Failed(id, LOGIN_ID, OLD_SERIAL, T0, 0, LATER, null));
    }

    @Test
    void renewalIdParsesItsOwnText() {
        RenewalId id = new RenewalId(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));

        assertEquals("123e4567-e89b-12d3-a456-426614174000", id.toString());
        assertEquals(id, RenewalId.parse(id.toString()));
        assertThrows(IllegalArgumentException.class, () -> RenewalId.parse("not-a-uuid"));
        assertThrows(NullPointerException.class, () -> new RenewalId(null));
    }

    private static void assertCommon(Renewal before, Renewal after) {
        assertEquals(before.id(), after.id());
        assertEquals(before.loginId(), after.loginId());
        assertEquals(before.oldSerial(), after.oldSerial());
        assertEquals(before.startedAt(), after.startedAt());
        assertEquals(before.version(), after.version());
        assertEquals(3, after.version());
    }
}
