package certrenewal.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code CERTRENEWAL_NATIVE_SIGNATURES=false}, a bank's choice to keep its CA key out of native code: the artifact
 * then never loads AWS-LC's library, says so in its start's log, and its CA still issues what OpenSSL accepts.
 * (With the default, RunnableArtifactIT checks the library is loaded, so the check below can tell.)
 */
@EnabledOnOs(value = OS.LINUX, architectures = "amd64")
class NativeSignaturesSwitchIT {
    private static final Pattern SIGNATURES = Pattern.compile("Certificate renewal is serving .*; signatures by (.*)\\)$",
            Pattern.MULTILINE);

    @TempDir
    Path directory;

    @Test
    void switchedOffTheCaSignsWithBouncyCastleAndAwsLcNeverLoads() throws Exception {
        try (ArtifactProcess server = ArtifactProcess.start(directory, ArtifactProcess.freePort(),
                Map.of("CERTRENEWAL_NATIVE_SIGNATURES", "false"))) {
            Matcher serving = server.awaitLogLine(SIGNATURES);
            assertEquals("BouncyCastle (AWS-LC switched off)", serving.group(1));
            // the demo IDs' certificates, signed by this start's CA
            server.awaitLogLine(Pattern.compile("Demo contract "));
            Path demo = directory.resolve("data/demo");
            String verified = EndToEnd.Tool.runOk(demo, "openssl", "verify", "-CAfile", "ca.crt", "-purpose", "sslclient",
                    "demo-user1.crt");
            assertTrue(verified.contains("demo-user1.crt: OK"), verified);
            assertFalse(ArtifactProcess.mappedFiles(server.pid()).contains(ArtifactProcess.AWS_LC_LIBRARY),
                    "AWS-LC's library is not in the server's memory");
            server.stop();
        }
    }
}
