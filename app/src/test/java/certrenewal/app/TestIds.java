package certrenewal.app;

import certrenewal.adapters.pki.ClientCredentials;
import certrenewal.application.port.in.IssueCertificateCommand;
import certrenewal.application.port.in.IssueCertificateUseCase;
import certrenewal.application.port.in.IssuedCertificate;
import certrenewal.application.port.in.admin.OpenContractCommand;
import certrenewal.application.port.in.admin.OpenContractUseCase;
import certrenewal.application.port.in.admin.RegisterUserIdCommand;
import certrenewal.application.port.in.admin.RegisterUserIdUseCase;
import certrenewal.application.port.out.PasswordHasherPort;
import certrenewal.application.port.out.PasswordPort;
import certrenewal.application.port.out.SaveAccountPort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.account.Contract;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.IdKind;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.account.LoginPassword;
import certrenewal.domain.administration.Actor;
import java.time.Duration;

/**
 * The end-to-end tests' set-ups: contracts, IDs and first certificates made through the same
 * policy-checked use cases as the demo data, acting as the system. A contract's further
 * administrator IDs, which no screen registers, are stored straight through the ports.
 */
public final class TestIds {
    public static final Actor SYSTEM = new Actor.SystemTask("test");

    private final EndToEnd system;

    public TestIds(EndToEnd system) {
        this.system = system;
    }

    public void contract(ContractNumber number, String name, LoginId administrator, String loginPassword) {
        system.bean(OpenContractUseCase.class).open(new OpenContractCommand(SYSTEM, new Contract(number, name),
                administrator, new LoginPassword(loginPassword.toCharArray())));
    }

    public void userId(ContractNumber contract, LoginId id, String loginPassword) {
        system.bean(RegisterUserIdUseCase.class).register(new RegisterUserIdCommand(SYSTEM, contract, id,
                new LoginPassword(loginPassword.toCharArray()), new char[0]));
    }

    public void administratorId(ContractNumber contract, LoginId id, String loginPassword) {
        String hash = system.bean(PasswordHasherPort.class).hash(loginPassword.toCharArray());
        system.bean(TransactionPort.class).inTransaction(() -> {
            system.bean(SaveAccountPort.class).insertAccount(LoginAccount.register(id, contract, IdKind.ADMINISTRATOR));
            system.bean(PasswordPort.class).savePasswordHash(id, hash);
        });
    }

    /** An ID of {@code kind}: a user through its registration, an administrator through the ports. */
    public void id(ContractNumber contract, LoginId id, IdKind kind, String loginPassword) {
        switch (kind) {
            case USER -> userId(contract, id, loginPassword);
            case ADMINISTRATOR -> administratorId(contract, id, loginPassword);
        }
    }

    /** The ID's first certificate for a key of its own (a key is certified for one ID only). */
    public IssuedCertificate firstCertificate(LoginId id, Duration validity) {
        return firstCertificate(id, ClientCredentials.certificationRequest(ClientCredentials.generateEcP256(), id.value()),
                validity);
    }

    /** The ID's first certificate, delivered directly instead of through its pickup. */
    public IssuedCertificate firstCertificate(LoginId id, byte[] pkcs10Der, Duration validity) {
        return system.bean(IssueCertificateUseCase.class).issue(new IssueCertificateCommand(id, pkcs10Der, validity, SYSTEM));
    }
}
