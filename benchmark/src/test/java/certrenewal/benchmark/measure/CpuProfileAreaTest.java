package certrenewal.benchmark.measure;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CpuProfileAreaTest {

    @Test
    void anAreaWithinAnotherCountsOnlyUnderThatOne() {
        CpuProfile.Area ownSignature = CpuProfile.Area.within("own", "X509CertImpl\\.verify", "PreIssuanceCheck\\.");
        assertTrue(ownSignature.matches(List.of("sun.security.x509.X509CertImpl.verify",
                "certrenewal.adapters.pki.PreIssuanceCheck.check")));
        assertFalse(ownSignature.matches(List.of("sun.security.x509.X509CertImpl.verify",
                "sun.security.ssl.CertificateVerify$T13CertificateVerifyMessage.<init>")));
    }

    @Test
    void aPlainAreaMatchesAnyFrame() {
        CpuProfile.Area database = CpuProfile.Area.of("db", "^org\\.h2\\.");
        assertTrue(database.matches(List.of("java.lang.Object.wait", "org.h2.mvstore.tx.Transaction.waitFor")));
        assertFalse(database.matches(List.of("io.netty.channel.nio.NioEventLoop.run")));
    }
}
