package certrenewal.benchmark.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ServerProcessTest {

    @Test
    void bootstrapPasswordsInTheLogStayOutOfTheReport() {
        assertEquals("created: operator (OPERATOR) with password (not shown) - shown once",
                ServerProcess.withoutPasswords("created: operator (OPERATOR) with password sNUq8RkyEQG7 - shown once"));
    }
}
