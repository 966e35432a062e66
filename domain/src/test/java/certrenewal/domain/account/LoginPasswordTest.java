package certrenewal.domain.account;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import certrenewal.domain.Rejection;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginPasswordTest {

    @Test
    void shortPasswordsAreNotAccepted() {
        assertThrows(IllegalArgumentException.class, () -> new LoginPassword("short".toCharArray()));
        assertEquals(Optional.of(Rejection.Code.PASSWORD_TOO_SHORT),
                LoginPassword.problemWith("1234567".toCharArray()).map(Rejection::code));
        assertEquals(Optional.empty(), LoginPassword.problemWith("12345678".toCharArray()));
    }

    @Test
    void lengthIsCountedInCharactersAsAPersonTypesThemNotInUtf16Units() {
        // four supplementary characters are eight UTF-16 units but four characters
        String fourCharacters = "\uD842\uDFB7".repeat(4);
        assertEquals(8, fourCharacters.length());
        assertEquals(Optional.of(Rejection.Code.PASSWORD_TOO_SHORT),
                LoginPassword.problemWith(fourCharacters.toCharArray()).map(Rejection::code));
        assertEquals(Optional.empty(), LoginPassword.problemWith("パスワード１２３".toCharArray()));
    }

    @Test
    void aPasswordLongerThanAnyonTypesIsNotAccepted() {
        assertEquals(Optional.empty(), LoginPassword.problemWith("a".repeat(LoginPassword.MAX_LENGTH).toCharArray()));
        assertEquals(Optional.of(Rejection.Code.PASSWORD_TOO_LONG),
                LoginPassword.problemWith("a".repeat(LoginPassword.MAX_LENGTH + 1).toCharArray()).map(Rejection::code));
    }

    @Test
    void aNewPasswordMustNotContainItsHoldersNameInAnyCase() {
        assertEquals(Optional.of(Rejection.Code.PASSWORD_CONTAINS_NAME),
                LoginPassword.problemWith("my-Admin01-pw".toCharArray(), "admin01").map(Rejection::code));
        assertEquals(Optional.of(Rejection.Code.PASSWORD_TOO_SHORT),
                LoginPassword.problemWith("admin01".toCharArray(), "admin01").map(Rejection::code), "length is said first");
        assertEquals(Optional.empty(), LoginPassword.problemWith("Quiet-River-42".toCharArray(), "admin01"));
    }

    @Test
    void theCharactersAreCopiedInAndOutAndCanBeWiped() {
        char[] typed = "right-password".toCharArray();
        LoginPassword password = new LoginPassword(typed);
        typed[0] = 'X';
        char[] out = password.characters();
        out[1] = 'X';

        assertArrayEquals("right-password".toCharArray(), password.characters());
        password.wipe();
        assertArrayEquals(new char[14], password.characters());
    }

    @Test
    void itIsNeverPrinted() {
        assertFalse(new LoginPassword("right-password".toCharArray()).toString().contains("right"));
    }
}
