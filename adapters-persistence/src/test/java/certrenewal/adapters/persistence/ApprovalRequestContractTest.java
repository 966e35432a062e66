package certrenewal.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.application.port.out.ApprovalRequestPort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.ApprovalRequest;
import certrenewal.domain.administration.DualControlAction;
import certrenewal.domain.administration.StaffRole;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dual-control requests against a real database (one subclass per database). */
abstract class ApprovalRequestContractTest {
    private static final Instant NOW = Instant.parse("2027-03-01T00:00:00Z");
    private static final Actor.Staff TANAKA = new Actor.Staff("tanaka", StaffRole.OPERATOR);
    private static final Actor.Staff SATO = new Actor.Staff("sato", StaffRole.OPERATOR);
    private static final Actor.Staff ITO = new Actor.Staff("ito", StaffRole.OPERATOR);

    @Inject
    ApprovalRequestPort requests;
    @Inject
    TransactionPort transactions;
    @Inject
    TransactionOperations<Connection> database;

    @BeforeEach
    void startFromAnEmptyTable() {
        database.executeWrite(status -> {
            try (Statement sql = status.getConnection().createStatement()) {
                return sql.executeUpdate("DELETE FROM approval_request");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void aRequestIsStoredWithItsCommandAndReadBackAsItWas() {
        Map<String, String> command = Map.of("contractNumber", "C0002", "contractName", "株式会社 A&B = 商事",
                "loginPasswordHash", "$argon2id$v=19$m=1,t=1,p=1$abc/+=");
        ApprovalRequest stored = insert(TANAKA, DualControlAction.REGISTER_CONTRACT, "contract:C0002", command, NOW);

        assertNotEquals(0, stored.id());
        Optional<ApprovalRequest> read = requests.loadRequest(stored.id());
        assertEquals(Optional.of(stored), read);
        assertEquals(command, read.orElseThrow().command());
        assertEquals(ApprovalRequest.State.PENDING, read.orElseThrow().state());
        assertEquals(Optional.empty(), requests.loadRequest(stored.id() + 1000));
    }

    @Test
    void aDecisionIsStoredOnlyOnTheStateItWasMadeOn() {
        ApprovalRequest pending = insert(TANAKA, DualControlAction.UNLOCK_ADMINISTRATOR_ID, "login-id:a1",
                Map.of("loginId", "a1"), NOW);
        ApprovalRequest approved = pending.approved(SATO, NOW.plusSeconds(60));

        assertTrue(requests.updateRequest(approved, ApprovalRequest.State.PENDING));
        assertEquals(Optional.of(approved), requests.loadRequest(pending.id()));
        ApprovalRequest rejectedLater = pending.rejected(ITO, NOW.plusSeconds(61), "no");
        assertFalse(requests.updateRequest(rejectedLater, ApprovalRequest.State.PENDING));
        assertEquals(Optional.of(approved), requests.loadRequest(pending.id()), "the second decision changed nothing");

        ApprovalRequest failed = pending.failed(SATO, NOW.plusSeconds(60), "NOT_LOCKED");
        assertTrue(requests.updateRequest(failed, ApprovalRequest.State.APPROVED));
        assertEquals(Optional.of(failed), requests.loadRequest(pending.id()));
    }

    @Test
    void anOverdueRequestIsRecordedExpiredWithoutADeciderAndLeavesTheQueue() {
        ApprovalRequest pending = insert(TANAKA, DualControlAction.UNLOCK_ADMINISTRATOR_ID, "login-id:a1",
                Map.of("loginId", "a1"), NOW);
        ApprovalRequest expired = pending.expired(pending.deadline().plusSeconds(1));

        assertTrue(requests.updateRequest(expired, ApprovalRequest.State.PENDING));
        assertEquals(Optional.of(expired), requests.loadRequest(pending.id()));
        assertEquals(ApprovalRequest.State.EXPIRED, requests.loadRequest(pending.id()).orElseThrow().state());
        assertEquals(List.of(), requests.pendingRequests(10));
        assertFalse(requests.updateRequest(pending.approved(SATO, NOW.plusSeconds(60)), ApprovalRequest.State.PENDING),
                "an expired request is not approved afterwards");
    }

    @Test
    void ofTwoStaffDecidingAtOnceOnlyOneDecides() throws Exception {
        ApprovalRequest pending = insert(TANAKA, DualControlAction.REISSUE_ADMINISTRATOR_ID, "login-id:a1",
                Map.of("loginId", "a1"), NOW);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> decisions = new ArrayList<>();
            for (Actor.Staff approver : List.of(SATO, ITO)) {
                decisions.add(pool.submit(() -> {
                    start.await();
                    return transactions.inTransaction(() -> requests.updateRequest(
                            pending.approved(approver, NOW.plusSeconds(5)), ApprovalRequest.State.PENDING));
                }));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> decision : decisions) {
                won += decision.get() ? 1 : 0;
            }
            assertEquals(1, won);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(ApprovalRequest.State.APPROVED, requests.loadRequest(pending.id()).orElseThrow().state());
    }

    @Test
    void theQueueHoldsThePendingOldestFirstAndEachRequesterSeesTheirOwnNewestFirst() {
        ApprovalRequest first = insert(TANAKA, DualControlAction.UNLOCK_ADMINISTRATOR_ID, "login-id:a1", Map.of("loginId", "a1"), NOW);
        ApprovalRequest second = insert(SATO, DualControlAction.UNLOCK_ADMINISTRATOR_ID, "login-id:a2", Map.of("loginId", "a2"),
                NOW.plusSeconds(10));
        ApprovalRequest third = insert(TANAKA, DualControlAction.REISSUE_ADMINISTRATOR_ID, "login-id:a3", Map.of("loginId", "a3"),
                NOW.plusSeconds(20));
        ApprovalRequest rejected = second.rejected(TANAKA, NOW.plusSeconds(30), "not needed");
        assertTrue(requests.updateRequest(rejected, ApprovalRequest.State.PENDING));

        assertEquals(List.of(first, third), requests.pendingRequests(10));
        assertEquals(List.of(first), requests.pendingRequests(1));
        assertEquals(List.of(third, first), requests.requestsBy("tanaka", 10));
        assertEquals(List.of(rejected), requests.requestsBy("sato", 10));
        assertEquals(List.of(), requests.requestsBy("ito", 10));
    }

    private ApprovalRequest insert(Actor.Staff requester, DualControlAction action, String target,
                                   Map<String, String> command, Instant at) {
        return transactions.inTransaction(() -> requests.insertRequest(ApprovalRequest.request(requester, action, target,
                command, "a reason", at, Duration.ofHours(24))));
    }
}
