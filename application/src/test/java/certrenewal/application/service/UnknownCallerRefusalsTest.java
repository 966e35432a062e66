package certrenewal.application.service;

import static certrenewal.application.service.RenewalUseCasesTest.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.application.port.in.ClientAddress;
import certrenewal.application.port.in.admin.PickupCredentials;
import certrenewal.application.port.out.AuditEvent;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.LoginId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Anonymous traffic grows the audit trail by a bounded number of records a minute; known IDs still get one each. */
class UnknownCallerRefusalsTest {
    private final TestWorld world = new TestWorld(); // at most 3 addresses a minute get records of their own
    private final InMemoryStore store = world.store;

    @Test
    void manyAddressesAMinuteWriteAtMostTheCapPlusOneRecord() {
        for (int address = 1; address <= 10; address++) {
            ClientAddress from = new ClientAddress("192.0.2." + address);
            for (int attempt = 0; attempt < 20; attempt++) {
                assertRefused(Code.WRONG_CREDENTIALS, () -> world.staffLogin.logIn("guess-" + Math.random(), "x".toCharArray(), from));
            }
        }
        world.clock.advance(Duration.ofMinutes(1));

        assertEquals(4, world.unknownCallers.writeFinishedMinutes());

        Map<String, String> byActor = store.audit("STAFF_LOGIN").stream()
                .collect(Collectors.toMap(AuditEvent::actor, AuditEvent::detail));
        assertEquals(4, byActor.size(), byActor.toString());
        assertTrue(byActor.get("anonymous:192.0.2.1").contains(": 20 refusals in the minute"), byActor.toString());
        assertTrue(byActor.get("anonymous:other-addresses").contains(": 140 refusals in the minute"), byActor.toString());
        assertEquals(3, byActor.get("anonymous:192.0.2.1").split("e\\.g\\. ")[1].split(", ").length, "three samples at most");
        assertEquals(0, world.unknownCallers.writeFinishedMinutes(), "written once");
    }

    @Test
    void eachMinuteIsWrittenOnceItIsOverAndTheCurrentOneAtShutdown() {
        ClientAddress from = new ClientAddress("192.0.2.1");
        world.staffLoginRefused("nobody", from);
        world.clock.advance(Duration.ofMinutes(1));
        world.staffLoginRefused("nobody", from);

        assertEquals(1, world.unknownCallers.writeFinishedMinutes());
        assertEquals(1, world.unknownCallers.writeAll());

        assertEquals(2, store.audit("STAFF_LOGIN").size());
    }

    @Test
    void aFailedWriteKeepsTheCountsForTheNextOne() {
        ClientAddress from = new ClientAddress("192.0.2.1");
        world.staffLoginRefused("nobody", from);
        world.staffLoginRefused("nobody", from);
        store.failAuditAppendsOf("STAFF_LOGIN");

        assertThrows(IllegalStateException.class, world.unknownCallers::writeAll);
        assertEquals(List.of(), store.audit("STAFF_LOGIN"));
        world.staffLoginRefused("nobody", from);
        store.stopFailingAuditAppends();

        assertEquals(1, world.unknownCallers.writeAll());
        assertTrue(store.audit("STAFF_LOGIN").getFirst().detail().contains(": 3 refusals in the minute"),
                store.audit("STAFF_LOGIN").toString());
    }

    @Test
    void anUnknownIdAtPickupIsCountedAKnownOneIsRecordedEachTime() {
        ClientAddress from = new ClientAddress("2001:db8::1");
        for (int i = 0; i < 2; i++) {
            assertRefused(Code.PICKUP_REFUSED, () -> world.pickUp.verify(new PickupCredentials(new LoginId("nobody"),
                    "x".toCharArray(), "y".toCharArray(), from)));
            assertRefused(Code.PICKUP_REFUSED, () -> world.pickUp.verify(new PickupCredentials(TestWorld.USER,
                    "x".toCharArray(), "y".toCharArray(), from)));
        }

        assertEquals(List.of("demo-user", "demo-user"),
                store.audit("CERTIFICATE_PICKUP").stream().map(AuditEvent::actor).toList());
        world.unknownCallers.writeAll();
        AuditEvent counted = store.audit("CERTIFICATE_PICKUP").getLast();
        assertEquals("anonymous:2001:db8::1", counted.actor());
        assertTrue(counted.detail().startsWith("PICKUP_REFUSED: unknown login ID: 2 refusals"), counted.detail());
    }

    @Test
    void aForgedAddressReachesTheRecordOnlyAsTheCharactersOfAnAddress() {
        ClientAddress forged = ClientAddress.of("10.0.0.1\r\nactor: admin " + "9".repeat(100));

        assertEquals("10.0.0.1actor:admin" + "9".repeat(45), forged.value(), "no line break, no space, 64 characters");
        assertEquals("unknown", ClientAddress.of(null).value());
    }
}
