package certrenewal.application.port.in.console;

import java.util.List;

/** At first start (no staff account exists): one operator, one auditor and one security administrator with random passwords. */
public interface BootstrapStaffUseCase {
    /** @return the accounts created now; empty when staff accounts already exist */
    List<BootstrapCredential> ensureBootstrapAccounts();
}
