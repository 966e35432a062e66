package certrenewal.benchmark.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CfsslCertdbTest {
    @TempDir
    Path dir;

    @Test
    void theDbConfigPointsCfsslAtTheSameServerAndItsOwnDatabaseWithoutTls() throws Exception {
        Path file = CfsslCertdb.writeConfig(new Postgres("jdbc:postgresql://127.0.0.1:5432/", "postgres", "benchmark_cfssl"),
                dir.resolve("db-config.json"));
        assertEquals("{\"driver\":\"postgres\",\"data_source\":"
                + "\"postgres://postgres@127.0.0.1:5432/benchmark_cfssl?sslmode=disable\"}", Files.readString(file));
    }
}
