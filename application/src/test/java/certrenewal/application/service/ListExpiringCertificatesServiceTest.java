package certrenewal.application.service;

import static certrenewal.application.service.TestWorld.ADMIN_ACTOR;
import static certrenewal.application.service.TestWorld.AUDITOR;
import static certrenewal.application.service.TestWorld.OPERATOR;
import static certrenewal.application.service.RenewalUseCasesTest.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.application.port.out.AuditEvent;
import certrenewal.application.readmodel.ExpiringCertificate;
import certrenewal.application.readmodel.ExpiringCertificates;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.IdKind;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.certificate.SerialNumber;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The console's inventory of certificates about to expire: who may read it, the window's bounds, the cut. */
class ListExpiringCertificatesServiceTest {
    private final TestWorld world = new TestWorld();

    @Test
    void moreRowsThanAskedForAreCutAndSaidSo() {
        for (int i = 0; i < 3; i++) {
            world.expiringRows.add(row(i));
        }

        ExpiringCertificates two = world.inventory.expiring(OPERATOR, 40, 2);
        ExpiringCertificates all = world.inventory.expiring(AUDITOR, 40, 3);

        assertEquals(2, two.rows().size());
        assertTrue(two.truncated());
        assertEquals(3, all.rows().size());
        assertFalse(all.truncated());
        assertEquals(40, all.days());
    }

    @Test
    void anExportIsAuditedWithItsWindowAndSizeAndAPageViewIsNot() {
        world.expiringRows.add(row(0));
        int before = world.store.audit().size();

        world.inventory.expiring(OPERATOR, 40, 10);
        assertEquals(before, world.store.audit().size(), "looking is not audited, as for the search");
        world.inventory.export(AUDITOR, 30, 10);

        AuditEvent exported = world.store.audit("INVENTORY_EXPORTED").getLast();
        assertEquals(AuditEvent.SUCCESS, exported.outcome());
        assertEquals(AUDITOR.auditName(), exported.actor());
        assertEquals("30 days, 1 certificates", exported.detail());
    }

    @Test
    void aRefusedExportIsAuditedAsARefusal() {
        assertRefused(Code.NOT_PERMITTED, () -> world.inventory.export(ADMIN_ACTOR, 40, 10));

        assertEquals(AuditEvent.REFUSED, world.store.audit("CONSOLE_INVENTORY").getLast().outcome());
        assertTrue(world.store.audit("INVENTORY_EXPORTED").isEmpty());
    }

    @Test
    void daysLeftCountAPartOfADayAsADay() {
        ExpiringCertificate row = row(0);

        assertEquals(3, row.daysLeft(row.notAfter().minus(Duration.ofDays(2).plusHours(1))));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 401})
    void aWindowOutsideOneTo400DaysIsAProgrammingError(int days) {
        assertThrows(IllegalArgumentException.class, () -> world.inventory.expiring(OPERATOR, days, 10));
    }

    @Test
    void aCustomerAdministratorIsRefusedAndTheRefusalAudited() {
        assertRefused(Code.NOT_PERMITTED, () -> world.inventory.expiring(ADMIN_ACTOR, 40, 10));

        AuditEvent refusal = world.store.audit("CONSOLE_INVENTORY").getLast();
        assertEquals(AuditEvent.REFUSED, refusal.outcome());
    }

    private static ExpiringCertificate row(int i) {
        return new ExpiringCertificate(new ContractNumber("C000" + i), "Co. " + i, new LoginId("id-" + i), IdKind.USER,
                SerialNumber.ofHex("0a0" + i), java.time.Instant.parse("2026-05-01T00:00:00Z"), null, null);
    }
}
