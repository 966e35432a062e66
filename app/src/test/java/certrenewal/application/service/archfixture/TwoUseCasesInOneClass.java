package certrenewal.application.service.archfixture;

import certrenewal.application.port.in.AbandonTimedOutRenewalsUseCase;
import certrenewal.application.port.in.GetCaCertificatesUseCase;
import java.util.List;

/** Breaks "one use case per class" on purpose, for ArchitectureRulesBiteTest. */
public class TwoUseCasesInOneClass implements GetCaCertificatesUseCase, AbandonTimedOutRenewalsUseCase {
    @Override
    public List<byte[]> caCertificates() {
        return List.of();
    }

    @Override
    public int abandonTimedOut() {
        return 0;
    }
}
