package certrenewal.domain.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class AccountValuesTest {

    @ParameterizedTest
    @ValueSource(strings = {"1", "C0001", "abcdefghij0123456789", "ABCxyz"})
    void contractNumberAcceptsOneToTwentyLettersOrDigits(String value) {
        assertEquals(value, new ContractNumber(value).value());
        assertEquals(value, new ContractNumber(value).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abcdefghij01234567890", "C-0001", "C 0001", " C0001", "ＣＯ１", "契約1"})
    void contractNumberRefusesAnythingElse(String value) {
        assertThrows(IllegalArgumentException.class, () -> new ContractNumber(value));
    }

    @Test
    void contractNumberRefusesNull() {
        assertThrows(NullPointerException.class, () -> new ContractNumber(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "demo-admin", "user.01_x", "A1234567890123456789012345678901"})
    void loginIdAcceptsOneToThirtyTwoAllowedCharacters(String value) {
        assertEquals(value, new LoginId(value).value());
        assertEquals(value, new LoginId(value).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "A12345678901234567890123456789012", "demo admin", "demo@admin", "demo,admin",
            "CN=x", "ユーザー", "demo\n"})
    void loginIdRefusesAnythingElse(String value) {
        assertThrows(IllegalArgumentException.class, () -> new LoginId(value));
    }

    @Test
    void loginIdRefusesNull() {
        assertThrows(NullPointerException.class, () -> new LoginId(null));
    }

    @Test
    void contractNameIsStripped() {
        assertEquals("株式会社サンプル", new Contract(new ContractNumber("C1"), "  株式会社サンプル\t").name());
    }

    @Test
    void contractNameMayHaveSixtyFourCharacters() {
        assertEquals(64, new Contract(new ContractNumber("C1"), "あ".repeat(64)).name().length());
    }

    @Test
    void contractNameCountsSupplementaryCharactersAsOneCharacter() {
        // U+20BB7 (the "tsuchi-yoshi" of 𠮷野家) is two UTF-16 units but one character
        String name = "\uD842\uDFB7" + "野".repeat(63);
        assertEquals(65, name.length());
        assertEquals(name, new Contract(new ContractNumber("C1"), name).name());
    }

    @ParameterizedTest
    @ValueSource(ints = {65, 100})
    void contractNameRefusesMoreThanSixtyFourCharacters(int length) {
        assertThrows(IllegalArgumentException.class, () -> new Contract(new ContractNumber("C1"), "x".repeat(length)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n"})
    void contractNameRefusesBlank(String name) {
        assertThrows(IllegalArgumentException.class, () -> new Contract(new ContractNumber("C1"), name));
    }

    @Test
    void contractRefusesNullParts() {
        assertThrows(NullPointerException.class, () -> new Contract(null, "name"));
        assertThrows(NullPointerException.class, () -> new Contract(new ContractNumber("C1"), null));
    }

    @Test
    void administratorMayDoEverythingUserOnlyRenewItsOwnCertificate() {
        for (Permission permission : Permission.values()) {
            assertTrue(IdKind.ADMINISTRATOR.may(permission), permission.name());
        }
        assertTrue(IdKind.USER.may(Permission.RENEW_OWN_CERTIFICATE));
        assertFalse(IdKind.USER.may(Permission.MANAGE_USER_IDS));
        assertFalse(IdKind.USER.may(Permission.REISSUE_USER_CERTIFICATES));
        assertFalse(IdKind.USER.may(Permission.REVOKE_USER_CERTIFICATES));
        assertFalse(IdKind.USER.may(Permission.UNLOCK_USER_IDS));
    }

    @Test
    void onlyAdministratorIdsAreManagedByBankStaff() {
        assertTrue(IdKind.ADMINISTRATOR.isManagedByBankStaff());
        assertFalse(IdKind.USER.isManagedByBankStaff());
    }

    @ParameterizedTest
    @EnumSource(IdKind.class)
    void everyKindMayRenewItsOwnCertificate(IdKind kind) {
        assertTrue(kind.may(Permission.RENEW_OWN_CERTIFICATE));
    }
}
