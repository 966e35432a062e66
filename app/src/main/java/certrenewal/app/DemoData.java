package certrenewal.app;

import certrenewal.adapters.pki.ClientCredentials;
import certrenewal.application.port.in.IssueCertificateCommand;
import certrenewal.application.port.in.IssueCertificateUseCase;
import certrenewal.application.port.in.IssuedCertificate;
import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.in.admin.OpenContractCommand;
import certrenewal.application.port.in.admin.OpenContractUseCase;
import certrenewal.application.port.in.admin.RegisterUserIdCommand;
import certrenewal.application.port.in.admin.RegisterUserIdUseCase;
import certrenewal.domain.Rejection;
import certrenewal.domain.account.Contract;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.notice.EmailAddress;
import certrenewal.domain.notice.NoticeLanguage;
import io.micronaut.context.annotation.Property;
import certrenewal.domain.account.LoginPassword;
import certrenewal.domain.administration.Actor;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On the embedded default: a demo contract with one administrator ID and user IDs whose
 * certificates are already inside the renewal window, and their client credentials under
 * {@code data/demo/}. Made through the same policy-checked use cases as the console's and the
 * customer administrator's, acting as the system. Key pairs are made here only for the demo; real
 * customers make theirs.
 * Made once the server listens (its first answer need not wait for three password hashes and
 * three issuances); the log line says when the credentials are there.
 */
@Singleton
@Requires(property = "certrenewal.demo.enabled", value = "true")
final class DemoData {
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final Actor ACTOR = new Actor.SystemTask("demo");

    private final BankSettings settings;
    private final OpenContractUseCase contracts;
    private final RegisterUserIdUseCase loginIds;
    private final IssueCertificateUseCase issuance;

    /** login-id:address:language, comma-separated (certrenewal.demo.contacts). */
    private final Map<LoginId, String[]> contacts = new HashMap<>();

    DemoData(BankSettings settings, OpenContractUseCase contracts, RegisterUserIdUseCase loginIds,
             IssueCertificateUseCase issuance, @Property(name = "certrenewal.demo.contacts") String contacts) {
        this.settings = settings;
        for (String entry : contacts.split(",")) {
            String[] parts = entry.strip().split(":");
            if (parts.length != 3) {
                throw new IllegalArgumentException("certrenewal.demo.contacts: login-id:address:language, not " + entry);
            }
            this.contacts.put(new LoginId(parts[0]), new String[] {parts[1], parts[2]});
        }
        this.contracts = contracts;
        this.loginIds = loginIds;
        this.issuance = issuance;
    }

    @EventListener
    void onServerStarted(ServerStartupEvent event) {
        BankSettings.Demo demo = settings.demo();
        ContractNumber number = new ContractNumber(demo.contractNumber());
        LoginId administrator = new LoginId(demo.administrator());
        try {
            contracts.open(new OpenContractCommand(ACTOR, new Contract(number, demo.contractName()), administrator,
                    loginPassword(), address(administrator), language(administrator)));
        } catch (RequestRefusedException e) {
            if (e.rejection().code() == Rejection.Code.CONTRACT_EXISTS) {
                warnIfUnfinished(administrator); // seeded on an earlier start
                return;
            }
            throw e;
        }
        List<LoginId> users = Arrays.stream(demo.users().split(",")).map(String::strip).map(LoginId::new).toList();
        for (LoginId user : users) {
            loginIds.register(new RegisterUserIdCommand(ACTOR, number, user, loginPassword(), new char[0],
                    address(user), language(user)));
        }
        Path folder = Path.of(settings.dataDir(), "demo");
        issueCredentials(administrator, folder);
        users.forEach(user -> issueCredentials(user, folder));
        LOG.info("Demo contract {} with IDs {} and {}: client credentials in {} (PKCS#12 password in README)",
                number, administrator, users, folder.toAbsolutePath());
    }

    /** A start stopped during the seeding leaves the contract without every file; seeding again would collide. */
    private void warnIfUnfinished(LoginId administrator) {
        Path folder = Path.of(settings.dataDir(), "demo");
        List<String> expected = new ArrayList<>(List.of(administrator.value() + ".p12", "ca.crt"));
        Arrays.stream(settings.demo().users().split(",")).map(String::strip).forEach(user -> expected.add(user + ".p12"));
        if (!expected.stream().allMatch(file -> Files.exists(folder.resolve(file)))) {
            LOG.warn("The demo contract exists but its files in {} are incomplete (a start was stopped while making"
                    + " them): delete the data directory to make the demo anew", folder.toAbsolutePath());
        }
    }

    /** The demo ID's example address (example.jp, example.com: never a real mailbox), or none when not listed. */
    private EmailAddress address(LoginId id) {
        String[] contact = contacts.get(id);
        return contact == null ? null : new EmailAddress(contact[0]);
    }

    private NoticeLanguage language(LoginId id) {
        String[] contact = contacts.get(id);
        return contact == null ? NoticeLanguage.DEFAULT : NoticeLanguage.parse(contact[1]).orElseThrow(
                () -> new IllegalArgumentException("certrenewal.demo.contacts: language ja or en for " + id));
    }

    /** Every demo ID's login password (README); its issuance password is used up by the direct issuance below. */
    private LoginPassword loginPassword() {
        return new LoginPassword(settings.demo().loginPassword().toCharArray());
    }

    private void issueCredentials(LoginId loginId, Path folder) {
        KeyPair keys = ClientCredentials.generateEcP256();
        IssuedCertificate issued = issuance.issue(new IssueCertificateCommand(loginId,
                ClientCredentials.certificationRequest(keys, loginId.value()),
                settings.demo().certificateValidity(), ACTOR));
        X509Certificate certificate = ClientCredentials.parse(issued.certificate().der());
        X509Certificate ca = ClientCredentials.parse(issued.caChain().get(0));
        try {
            Files.createDirectories(folder);
            ClientCredentials.writePkcs12(folder.resolve(loginId.value() + ".p12"), loginId.value(), keys.getPrivate(),
                    List.of(certificate, ca), settings.demo().pkcs12Password().toCharArray());
            ClientCredentials.writePem(folder.resolve(loginId.value() + ".crt"), certificate);
            ClientCredentials.writePem(folder.resolve(loginId.value() + ".key"), keys.getPrivate());
            ClientCredentials.writePem(folder.resolve("ca.crt"), ca);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The demo's contract, IDs and their published passwords must never exist in production, whatever
     * {@code certrenewal.demo.enabled} says: made at context start, before the server listens, it stops the start.
     */
    @Context
    @Requires(property = "certrenewal.demo.enabled", value = "true")
    @Requires(env = BankSettings.PRODUCTION_ENVIRONMENT)
    static final class RefusedInProduction {
        RefusedInProduction() {
            String reason = "certrenewal.demo.enabled is true in the production environment; the demo data and its"
                    + " published passwords never run in production: remove the setting (CERTRENEWAL_DEMO_ENABLED)";
            LOG.error("Cannot start: {}", reason);
            throw new IllegalStateException("Cannot start: " + reason);
        }
    }
}
