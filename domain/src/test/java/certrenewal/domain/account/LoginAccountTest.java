package certrenewal.domain.account;

import static certrenewal.domain.TestData.CONTRACT_NUMBER;
import static certrenewal.domain.TestData.LOGIN_ID;
import static certrenewal.domain.TestData.NEW_SERIAL;
import static certrenewal.domain.TestData.OLD_SERIAL;
import static certrenewal.domain.TestData.anAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class LoginAccountTest {
    private static final int MAX_ATTEMPTS = 6;

    @Test
    void registeredAccountIsActiveWithoutCertificateOrFailures() {
        LoginAccount account = LoginAccount.register(LOGIN_ID, CONTRACT_NUMBER, IdKind.USER);

        assertEquals(LOGIN_ID, account.id());
        assertEquals(CONTRACT_NUMBER, account.contract());
        assertEquals(IdKind.USER, account.kind());
        assertEquals(AccountStatus.ACTIVE, account.status());
        assertEquals(0, account.failedPasswordAttempts());
        assertEquals(Optional.empty(), account.currentCertificateSerial());
        assertEquals(0, account.version());
    }

    @Test
    void idLocksWhenTheSixthPasswordInARowIsWrong() {
        LoginAccount account = anAccount().build();
        for (int i = 1; i < MAX_ATTEMPTS; i++) {
            account = account.recordFailedPassword(MAX_ATTEMPTS);
            assertEquals(AccountStatus.ACTIVE, account.status(), "after " + i + " failures");
            assertEquals(i, account.failedPasswordAttempts());
        }
        account = account.recordFailedPassword(MAX_ATTEMPTS);

        assertEquals(AccountStatus.LOCKED, account.status());
        assertEquals(MAX_ATTEMPTS, account.failedPasswordAttempts());
    }

    @Test
    void successfulPasswordResetsTheCount() {
        LoginAccount account = anAccount().failedAttempts(MAX_ATTEMPTS - 1).build().recordSuccessfulPassword();

        assertEquals(0, account.failedPasswordAttempts());
        assertEquals(AccountStatus.ACTIVE, account.recordFailedPassword(MAX_ATTEMPTS).status());
    }

    @Test
    void successfulPasswordDoesNotUnlockALockedId() {
        LoginAccount account = anAccount().status(AccountStatus.LOCKED).failedAttempts(6).build()
                .recordSuccessfulPassword();

        assertEquals(AccountStatus.LOCKED, account.status());
    }

    @Test
    void wrongPasswordOnARevokedIdLeavesItRevoked() {
        LoginAccount account = anAccount().status(AccountStatus.REVOKED).failedAttempts(10).build()
                .recordFailedPassword(MAX_ATTEMPTS);

        assertEquals(AccountStatus.REVOKED, account.status());
        assertEquals(11, account.failedPasswordAttempts());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void maximumAttemptsBelowOneIsRefused(int maxAttempts) {
        LoginAccount account = anAccount().build();

        assertThrows(IllegalArgumentException.class, () -> account.recordFailedPassword(maxAttempts));
    }

    @Test
    void unlockReactivatesALockedIdAndClearsItsFailures() {
        LoginAccount unlocked = anAccount().status(AccountStatus.LOCKED).failedAttempts(6).build().unlock();

        assertEquals(AccountStatus.ACTIVE, unlocked.status());
        assertEquals(0, unlocked.failedPasswordAttempts());
        assertEquals(Optional.of(OLD_SERIAL), unlocked.currentCertificateSerial());
    }

    @ParameterizedTest
    @EnumSource(value = AccountStatus.class, names = {"ACTIVE", "REVOKED"})
    void unlockIsRefusedUnlessLocked(AccountStatus status) {
        LoginAccount account = anAccount().status(status).build();

        IllegalStateException e = assertThrows(IllegalStateException.class, account::unlock);
        assertTrue(e.getMessage().contains(status.name()), e.getMessage());
    }

    @Test
    void everyChangeKeepsTheVersionForOptimisticLocking() {
        LoginAccount account = anAccount().build();

        assertEquals(7, account.recordFailedPassword(MAX_ATTEMPTS).version());
        assertEquals(7, account.recordSuccessfulPassword().version());
        assertEquals(7, account.withCurrentCertificate(NEW_SERIAL).version());
        assertEquals(7, anAccount().status(AccountStatus.LOCKED).build().unlock().version());
    }

    @Test
    void withCurrentCertificateReplacesOnlyTheSerial() {
        LoginAccount before = anAccount().failedAttempts(2).build();
        LoginAccount after = before.withCurrentCertificate(NEW_SERIAL);

        assertEquals(Optional.of(NEW_SERIAL), after.currentCertificateSerial());
        assertEquals(new LoginAccount(before.id(), before.contract(), before.kind(), before.status(), 2, NEW_SERIAL, 7), after);
        assertThrows(NullPointerException.class, () -> before.withCurrentCertificate(null));
    }

    @Test
    void invariantsAreEnforced() {
        assertThrows(IllegalArgumentException.class,
                () -> new LoginAccount(LOGIN_ID, CONTRACT_NUMBER, IdKind.USER, AccountStatus.ACTIVE, -1, null, 0));
        assertThrows(NullPointerException.class,
                () -> new LoginAccount(null, CONTRACT_NUMBER, IdKind.USER, AccountStatus.ACTIVE, 0, null, 0));
        assertThrows(NullPointerException.class,
                () -> new LoginAccount(LOGIN_ID, null, IdKind.USER, AccountStatus.ACTIVE, 0, null, 0));
        assertThrows(NullPointerException.class,
                () -> new LoginAccount(LOGIN_ID, CONTRACT_NUMBER, null, AccountStatus.ACTIVE, 0, null, 0));
        assertThrows(NullPointerException.class,
                () -> new LoginAccount(LOGIN_ID, CONTRACT_NUMBER, IdKind.USER, null, 0, null, 0));
    }
}
