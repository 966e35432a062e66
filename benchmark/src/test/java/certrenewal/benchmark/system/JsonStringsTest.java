package certrenewal.benchmark.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class JsonStringsTest {

    @Test
    void unescapesThePemThatCfsslPrints() {
        String json = "{\"cert\":\"-----BEGIN CERTIFICATE-----\\nMIIB\\u002b\\n-----END CERTIFICATE-----\\n\",\"key\":\"k\"}";
        assertEquals("-----BEGIN CERTIFICATE-----\nMIIB+\n-----END CERTIFICATE-----\n", JsonStrings.field(json, "cert"));
        assertEquals("k", JsonStrings.field(json, "key"));
    }

    @Test
    void aMissingFieldIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> JsonStrings.field("{\"csr\":\"x\"}", "cert"));
    }
}
