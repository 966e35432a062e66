package certrenewal.domain.certificate;

import static certrenewal.domain.TestData.LOGIN_ID;
import static certrenewal.domain.TestData.OTHER_LOGIN_ID;
import static certrenewal.domain.TestData.aCertificate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import certrenewal.domain.Rejection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IssuanceRulesTest {
    private static final IssuanceRules RULES = new IssuanceRules(3);
    private static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");

    @Test
    void aKeyNobodyHoldsOrTheRequesterAlreadyHoldsIsAccepted() {
        assertEquals(Optional.empty(), RULES.keyRefusal(LOGIN_ID, List.of()));
        assertEquals(Optional.empty(), RULES.keyRefusal(LOGIN_ID, List.of(aCertificate().owner(LOGIN_ID).build())));
    }

    @Test
    void aKeyOfAnotherIdIsRefused() {
        assertEquals(Optional.of(Rejection.Code.KEY_ALREADY_CERTIFIED),
                RULES.keyRefusal(LOGIN_ID, List.of(aCertificate().owner(OTHER_LOGIN_ID).build())).map(Rejection::code));
    }

    @Test
    void aKeyRevokedAsCompromisedIsRefusedEvenToItsOwnId() {
        Certificate compromised = aCertificate().owner(LOGIN_ID)
                .revoked(RevocationReason.KEY_COMPROMISE, NOW.minus(Duration.ofDays(1))).build();

        assertEquals(Optional.of(Rejection.Code.KEY_COMPROMISED),
                RULES.keyRefusal(LOGIN_ID, List.of(compromised)).map(Rejection::code));
    }

    @Test
    void theDailyLimitOpensAgainWhenTheOldestCountedIssuanceIsADayOld() {
        List<Instant> issued = List.of(NOW.minus(Duration.ofHours(20)), NOW.minus(Duration.ofHours(2)),
                NOW.minus(Duration.ofHours(5)));

        assertEquals(Optional.empty(), RULES.exhaustedUntil(issued.subList(0, 2), NOW));
        assertEquals(Optional.of(NOW.plus(Duration.ofHours(4))), RULES.exhaustedUntil(issued, NOW));
        assertEquals(NOW.minus(IssuanceRules.WINDOW), RULES.windowStart(NOW));
    }

    @Test
    void anIdIsAllowedAtLeastOneCertificateADay() {
        assertThrows(IllegalArgumentException.class, () -> new IssuanceRules(0));
    }
}
