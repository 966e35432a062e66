package certrenewal.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import certrenewal.domain.Rejection.Code;
import org.junit.jupiter.api.Test;

class RejectionTest {

    @Test
    void ofUsesTheCodesDefaultMessage() {
        Rejection rejection = Rejection.of(Code.CERTIFICATE_SUPERSEDED);

        assertEquals(Code.CERTIFICATE_SUPERSEDED, rejection.code());
        assertEquals("The client certificate has been replaced by a renewed one; use the new certificate.", rejection.message());
    }

    @Test
    void aSpecificMessageReplacesTheDefault() {
        assertEquals("opens on Monday", Rejection.of(Code.OUTSIDE_RENEWAL_WINDOW, "opens on Monday").message());
    }

    @Test
    void everyCodeHasAReadableDefaultMessage() {
        for (Code code : Code.values()) {
            assertFalse(code.defaultMessage().isBlank(), code.name());
            assertEquals('.', code.defaultMessage().charAt(code.defaultMessage().length() - 1), code.name());
        }
    }

    @Test
    void codeAndMessageAreRequired() {
        assertThrows(NullPointerException.class, () -> new Rejection(null, "x"));
        assertThrows(NullPointerException.class, () -> new Rejection(Code.ID_LOCKED, null));
    }
}
