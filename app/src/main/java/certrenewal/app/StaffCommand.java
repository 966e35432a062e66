package certrenewal.app;

import certrenewal.adapters.pki.ClientCredentials;
import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.in.console.BootstrapCredential;
import certrenewal.application.port.in.console.IssueStaffCertificateUseCase;
import certrenewal.application.port.in.console.IssueStaffCertificateUseCase.IssuedStaffCertificate;
import certrenewal.application.port.in.console.ManageStaffUseCase;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.StaffRole;
import io.micronaut.context.ApplicationContext;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code java -jar certrenewal.jar staff create NAME --role security-admin}: a staff account made
 * against the configured database (the production variables, or the embedded default), typically
 * the first security administrator, who then creates the others in the console. The one-time
 * password goes to standard output only, never to the log, and must be changed at first login; an
 * existing name is refused. Audited as done by {@code system:staff-create}.
 * <p>{@code staff certificate NAME --out FILE}: the account's staff client certificate for the console (where
 * {@code certrenewal.console.client-certificate} is required), written as a PKCS#12 file readable by its owner only;
 * its one-time password goes to standard output only. For the first security administrator, whose certificate nobody
 * can issue in the console (nobody issues their own). Audited as done by {@code system:staff-certificate}.
 */
final class StaffCommand {
    static final String COMMAND = "staff";
    private static final String USAGE = "Usage: staff create NAME --role security-admin|operator|auditor\n"
            + "       staff certificate NAME --out FILE.p12";

    private StaffCommand() {
    }

    /**
     * @param args the whole command line, starting with {@link #COMMAND}
     * @param system starts the application context against the configured database (no server)
     * @return the process's exit status: 0 when the account was made, 1 when it was refused, 2 for a wrong command line
     */
    static int run(List<String> args, Supplier<ApplicationContext> system, PrintStream out, PrintStream err) {
        if (args.size() == 5 && args.get(1).equals("certificate") && args.get(3).equals("--out")) {
            return certificate(args.get(2), Path.of(args.get(4)), system, out, err);
        }
        Optional<StaffRole> role = args.size() == 5 && args.get(1).equals("create") && args.get(3).equals("--role")
                ? role(args.get(4)) : Optional.empty();
        if (role.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        String username = args.get(2);
        try (ApplicationContext context = system.get()) {
            BootstrapCredential created = context.getBean(ManageStaffUseCase.class)
                    .create(new Actor.SystemTask("staff-create"), username, role.get());
            err.println("Staff account " + created.username() + " (" + created.role() + ") created. Its one-time"
                    + " password follows; it must be changed at the first login in the console:");
            out.println(created.password());
            out.flush();
            return 0;
        } catch (RequestRefusedException e) {
            err.println("Refused (" + e.rejection().code() + "): " + e.rejection().message());
            return 1;
        }
    }

    private static int certificate(String username, Path file, Supplier<ApplicationContext> system, PrintStream out,
                                   PrintStream err) {
        if (Files.exists(file)) {
            err.println("Refused: " + file + " exists; name a new file");
            return 1;
        }
        try (ApplicationContext context = system.get()) {
            IssuedStaffCertificate issued = context.getBean(IssueStaffCertificateUseCase.class)
                    .issue(new Actor.SystemTask("staff-certificate"), username);
            ClientCredentials.writePkcs12(file, issued.pkcs12());
            err.println("Staff certificate " + issued.certificate().serial().hex() + " of " + username + ", valid until "
                    + issued.certificate().notAfter() + ", written to " + file + ". Its one-time password follows:");
            out.println(issued.pkcs12Password());
            out.flush();
            return 0;
        } catch (RequestRefusedException e) {
            err.println("Refused (" + e.rejection().code() + "): " + e.rejection().message());
            return 1;
        }
    }

    private static Optional<StaffRole> role(String text) {
        try {
            return Optional.of(StaffRole.valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
