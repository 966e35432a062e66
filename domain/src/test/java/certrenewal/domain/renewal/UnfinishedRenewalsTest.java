package certrenewal.domain.renewal;

import static certrenewal.domain.TestData.IN_WINDOW;
import static certrenewal.domain.TestData.NEW_SERIAL;
import static certrenewal.domain.TestData.awaitingKey;
import static certrenewal.domain.TestData.issued;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.domain.TestData;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UnfinishedRenewalsTest {
    private static final RenewalPolicy POLICY = RenewalPolicy.DEFAULT;

    @Test
    void anAdministrativeChangeEndsTheOpenAndTheIssuedRenewalsAndNamesTheUnusedCertificates() {
        Renewal.AwaitingKey open = awaitingKey(IN_WINDOW);
        Renewal.Issued unused = issued(IN_WINDOW.minus(Duration.ofDays(1)), NEW_SERIAL);
        Instant now = IN_WINDOW.plusSeconds(60);

        UnfinishedRenewals.Ended ended = new UnfinishedRenewals(Optional.of(open), List.of(unused))
                .end("the certificate was re-issued", now);

        assertEquals(List.of(open.id(), unused.id()), ended.renewals().stream().map(Renewal::id).toList());
        assertTrue(ended.renewals().stream().allMatch(r -> r.reason().equals("the certificate was re-issued")));
        assertEquals(List.of(NEW_SERIAL), ended.unusedCertificates());
    }

    @Test
    void aNewRenewalAbandonsATimedOutOpenOneAndReplacesTheIssuedOnes() {
        Renewal.AwaitingKey open = awaitingKey(IN_WINDOW);
        Renewal.Issued unused = issued(IN_WINDOW.minus(Duration.ofDays(1)), NEW_SERIAL);
        Instant later = IN_WINDOW.plus(POLICY.openTimeout()).plusSeconds(1);

        UnfinishedRenewals.Ended ended = new UnfinishedRenewals(Optional.of(open), List.of(unused)).replace(POLICY, later);

        assertEquals("timed out", ended.renewals().get(0).reason());
        assertEquals(unused.replace(later), ended.renewals().get(1));
        assertEquals(List.of(NEW_SERIAL), ended.unusedCertificates());
    }

    @Test
    void aNewRenewalCannotReplaceAnOpenOneThatHasNotTimedOut() {
        UnfinishedRenewals unfinished = new UnfinishedRenewals(Optional.of(awaitingKey(IN_WINDOW)), List.of());

        assertThrows(IllegalStateException.class, () -> unfinished.replace(POLICY, IN_WINDOW.plusSeconds(1)));
    }

    @Test
    void nothingUnfinishedEndsNothing() {
        UnfinishedRenewals none = new UnfinishedRenewals(Optional.empty(), List.of());

        assertTrue(none.isEmpty());
        assertEquals(new UnfinishedRenewals.Ended(List.of(), List.of()), none.end("why", TestData.IN_WINDOW));
    }
}
