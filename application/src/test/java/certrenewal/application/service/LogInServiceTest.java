package certrenewal.application.service;

import static certrenewal.application.service.RenewalUseCasesTest.assertRefused;
import static certrenewal.application.service.TestWorld.ADMIN;
import static certrenewal.application.service.TestWorld.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import certrenewal.application.port.in.AuthenticatedId;
import certrenewal.application.port.in.IssueCertificateCommand;
import certrenewal.application.port.in.IssuedCertificate;
import certrenewal.application.port.in.LogInCommand;
import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.out.AuditEvent;
import certrenewal.application.port.out.PasswordHasherPort;
import certrenewal.application.port.out.PasswordPort;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.AccountStatus;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.account.PasswordState;
import certrenewal.domain.certificate.CertificateStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LogInServiceTest {
    private static final String RIGHT = "right-password";

    private final TestWorld world = new TestWorld();
    private final Passwords passwords = new Passwords();
    private final LogInService login = new LogInService(world.store, world.store, passwords, passwords,
            world.authentication, world.store, world.store, 6, world.clock);

    LogInServiceTest() {
        passwords.set(ADMIN, RIGHT);
    }

    @Test
    void rightPasswordAndCurrentCertificateLogIn() {
        AuthenticatedId who = login.logIn(command(ADMIN, RIGHT, world.first.certificate().der()));

        assertEquals(ADMIN, who.loginId());
        assertEquals(world.first.certificate().serial(), who.certificate());
        assertEquals(AuditEvent.SUCCESS, world.store.audit("LOGIN").getLast().outcome());
    }

    @Test
    void sixWrongPasswordsInARowLockTheIdAndThenEvenTheRightOneIsRefused() {
        for (int i = 1; i <= 5; i++) {
            assertRefused(Code.WRONG_CREDENTIALS, () -> login.logIn(command(ADMIN, "wrong", world.first.certificate().der())));
        }
        assertRefused(Code.ID_LOCKED, () -> login.logIn(command(ADMIN, "wrong", world.first.certificate().der())));

        assertEquals(AccountStatus.LOCKED, world.store.account(ADMIN).status());
        assertRefused(Code.ID_LOCKED, () -> login.logIn(command(ADMIN, RIGHT, world.first.certificate().der())));
        assertEquals(1, world.store.audit("ID_LOCKED").size());
    }

    @Test
    void aSuccessfulLoginStartsTheCountAgain() {
        for (int i = 0; i < 5; i++) {
            assertRefused(Code.WRONG_CREDENTIALS, () -> login.logIn(command(ADMIN, "wrong", world.first.certificate().der())));
        }
        login.logIn(command(ADMIN, RIGHT, world.first.certificate().der()));
        assertEquals(0, world.store.account(ADMIN).failedPasswordAttempts());

        assertRefused(Code.WRONG_CREDENTIALS, () -> login.logIn(command(ADMIN, "wrong", world.first.certificate().der())));
        assertEquals(AccountStatus.ACTIVE, world.store.account(ADMIN).status());
    }

    @Test
    void unknownIdGetsTheSameAnswerAsAWrongPassword() {
        assertRefused(Code.WRONG_CREDENTIALS, () -> login.logIn(command(new LoginId("nobody"), RIGHT, world.first.certificate().der())));
    }

    @Test
    void rightPasswordWithoutCertificateIsRefusedAndCountsNoFailure() {
        assertRefused(Code.NO_CLIENT_CERTIFICATE, () -> login.logIn(command(ADMIN, RIGHT, null)));
        assertEquals(0, world.store.account(ADMIN).failedPasswordAttempts());
    }

    @Test
    void withoutTheIdsOwnCertificateARightPasswordAnswersAsAWrongOneAndNoWrongOneIsCounted() {
        IssuedCertificate users = world.issueCertificate.issue(new IssueCertificateCommand(USER, FakeCertificateAuthority.request(),
                TestWorld.VALIDITY, TestWorld.SYSTEM));
        byte[] foreign = users.certificate().der();

        for (int i = 0; i < 10; i++) {
            assertRefused(Code.NO_CLIENT_CERTIFICATE, () -> login.logIn(command(ADMIN, "wrong", null)));
            assertRefused(Code.WRONG_CREDENTIALS, () -> login.logIn(command(ADMIN, "wrong", foreign)));
        }
        RequestRefusedException right = assertRefused(Code.WRONG_CREDENTIALS, () -> login.logIn(command(ADMIN, RIGHT, foreign)));
        RequestRefusedException wrong = assertRefused(Code.WRONG_CREDENTIALS, () -> login.logIn(command(ADMIN, "wrong", foreign)));

        assertEquals(wrong.getMessage(), right.getMessage());
        assertEquals(AccountStatus.ACTIVE, world.store.account(ADMIN).status());
        assertEquals(0, world.store.account(ADMIN).failedPasswordAttempts());
        login.logIn(command(ADMIN, RIGHT, world.first.certificate().der()));
    }

    @Test
    void everyRefusalAfterACertificateWasPresentedComparesAPasswordHashAsAWrongPasswordDoes() {
        world.lock(ADMIN);
        int before = passwords.comparisons;

        assertRefused(Code.ID_LOCKED, () -> login.logIn(command(ADMIN, RIGHT, world.first.certificate().der())));
        assertRefused(Code.WRONG_CREDENTIALS, () -> login.logIn(command(new LoginId("nobody"), RIGHT, world.first.certificate().der())));

        assertEquals(before + 2, passwords.comparisons);
    }

    @Test
    void certificateOfAnotherIdIsRefused() {
        IssuedCertificate users = world.issueCertificate.issue(new IssueCertificateCommand(USER, FakeCertificateAuthority.request(),
                TestWorld.VALIDITY, TestWorld.SYSTEM));
        assertRefused(Code.WRONG_CREDENTIALS, () -> login.logIn(command(ADMIN, RIGHT, users.certificate().der())));
    }

    @Test
    void firstLoginWithTheRenewedCertificateConfirmsTheRenewalAndTheOldOneIsRefusedAfter() {
        world.moveIntoRenewalWindow();
        IssuedCertificate renewed = world.renewInBrowser(world.admin());

        AuthenticatedId who = login.logIn(command(ADMIN, RIGHT, renewed.certificate().der()));

        assertEquals(renewed.certificate().serial(), who.certificate());
        assertEquals(CertificateStatus.SUPERSEDED,
                world.store.certificate(world.first.certificate().serial()).storedStatus());
        assertRefused(Code.CERTIFICATE_SUPERSEDED, () -> login.logIn(command(ADMIN, RIGHT, world.first.certificate().der())));
        assertEquals(java.util.List.of(world.first.certificate().serial()),
                world.authority.lastCrl().revoked().stream().map(e -> e.serial()).toList(),
                "the superseded certificate is on the CRL at once");
    }

    @Test
    void wrongCertificateIsNotLetInByARightPasswordAndTheRenewalIsNotConfirmedByAnotherId() {
        world.moveIntoRenewalWindow();
        IssuedCertificate renewed = world.renewInBrowser(world.admin());
        passwords.set(USER, "users-password");

        assertRefused(Code.WRONG_CREDENTIALS, () -> login.logIn(command(USER, "users-password", renewed.certificate().der())));
        assertEquals(CertificateStatus.ACTIVE, world.store.certificate(world.first.certificate().serial()).storedStatus());
    }

    @Test
    void passwordsAreStoredOnlyAsHashes() {
        assertFalse(passwords.hashes.get(ADMIN).contains(RIGHT));
    }

    private static LogInCommand command(LoginId id, String password, byte[] certificate) {
        return new LogInCommand(id, password.toCharArray(), certificate);
    }

    /** Password storage and a stand-in hash (reversed text with a marker); the real PBKDF2 is tested in adapters-pki. */
    private static final class Passwords implements PasswordPort, PasswordHasherPort {
        final Map<LoginId, String> hashes = new HashMap<>();

        void set(LoginId id, String password) {
            savePasswordHash(id, hash(password.toCharArray()));
        }

        @Override
        public Optional<String> loadPasswordHash(LoginId id) {
            return Optional.ofNullable(hashes.get(id));
        }

        @Override
        public void savePasswordHash(LoginId id, String hash) {
            hashes.put(id, hash);
        }

        final Map<LoginId, PasswordState> states = new HashMap<>();

        @Override
        public java.util.List<String> previousPasswordHashes(LoginId id, int count) {
            return java.util.List.of();
        }

        @Override
        public Optional<PasswordState> loadPasswordState(LoginId id) {
            return Optional.of(states.getOrDefault(id, PasswordState.INITIAL));
        }

        @Override
        public void savePasswordState(LoginId id, PasswordState state) {
            states.put(id, state);
        }

        @Override
        public String hash(char[] password) {
            return "h:" + new StringBuilder(new String(password)).reverse();
        }

        /** How many hashes were compared: a refusal that skips it would answer faster than a wrong password. */
        int comparisons;

        @Override
        public boolean matches(char[] password, String hash) {
            comparisons++;
            return hash(password).equals(hash);
        }

        @Override
        public String decoyHash() {
            return "decoy"; // without the marker, so nothing matches it
        }
    }
}
