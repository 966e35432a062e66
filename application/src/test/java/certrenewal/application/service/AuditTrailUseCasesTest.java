package certrenewal.application.service;

import static certrenewal.application.service.RenewalUseCasesTest.assertRefused;
import static certrenewal.application.service.TestWorld.ADMIN_ACTOR;
import static certrenewal.application.service.TestWorld.AUDITOR;
import static certrenewal.application.service.TestWorld.OPERATOR;
import static org.junit.jupiter.api.Assertions.assertEquals;

import certrenewal.application.readmodel.AuditFilter;
import certrenewal.application.readmodel.AuditRecord;
import certrenewal.application.readmodel.AuditVerification;
import certrenewal.application.readmodel.SearchPage;
import certrenewal.application.port.out.AuditEvent;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.administration.Actor;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditTrailUseCasesTest {
    private static final AuditFilter FIRST_PAGE = new AuditFilter(null, null, null, null, null, null, 0, 50);

    private final TestWorld world = new TestWorld();
    private final InMemoryStore store = world.store;

    @Test
    void auditorsReadTheTrailWithoutAddingToIt() {
        int entries = store.audit().size();

        SearchPage<AuditRecord> page = world.readAuditTrail.read(AUDITOR, FIRST_PAGE);

        assertEquals(entries, page.total());
        assertEquals(store.audit().getLast().action(), page.rows().getFirst().action());
        assertEquals(entries, store.audit().size());
    }

    @Test
    void eachVerificationIsRecordedWithItsResult() {
        int entries = store.audit().size();

        AuditVerification intact = world.verifyAuditTrail.verify(AUDITOR);

        assertEquals(new AuditVerification(entries, Optional.empty()), intact);
        AuditEvent entry = store.audit("AUDIT_VERIFIED").getLast();
        assertEquals(AuditEvent.SUCCESS, entry.outcome());
        assertEquals("staff:suzuki", entry.actor());
        assertEquals(entries + " records checked; chain intact", entry.detail());
    }

    @Test
    void aBrokenChainIsRecordedAsAFailedVerification() {
        world.consoleQueries.firstBroken = Optional.of(3L);

        AuditVerification broken = world.verifyAuditTrail.verify(AUDITOR);

        assertEquals(Optional.of(3L), broken.firstBroken());
        AuditEvent entry = store.audit("AUDIT_VERIFIED").getLast();
        assertEquals(AuditEvent.FAILED, entry.outcome());
        assertEquals(broken.entriesChecked() + " records checked; chain broken at record 3", entry.detail());
    }

    @Test
    void operatorsAndCustomersNeitherReadNorVerifyTheTrail() {
        for (Actor actor : List.of(OPERATOR, ADMIN_ACTOR)) {
            assertRefused(Code.NOT_PERMITTED, () -> world.readAuditTrail.read(actor, FIRST_PAGE));
            assertEquals(AuditEvent.REFUSED, store.audit("AUDIT_READ").getLast().outcome());
            assertRefused(Code.NOT_PERMITTED, () -> world.verifyAuditTrail.verify(actor));
            assertEquals(AuditEvent.REFUSED, store.audit("AUDIT_VERIFIED").getLast().outcome());
        }
        assertEquals(List.of(), world.consoleQueries.calls);
    }
}
