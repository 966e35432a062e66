package certrenewal.application.service;

import static certrenewal.application.service.RenewalUseCasesTest.assertRefused;
import static certrenewal.application.service.TestWorld.ADMIN;
import static certrenewal.application.service.TestWorld.ADMIN_ACTOR;
import static certrenewal.application.service.TestWorld.CONTRACT;
import static certrenewal.application.service.TestWorld.OPERATOR;
import static certrenewal.application.service.TestWorld.USER;
import static certrenewal.application.service.TestWorld.passwordOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.application.port.in.AuthenticatedId;
import certrenewal.application.port.in.ChangeLoginPasswordCommand;
import certrenewal.application.port.in.LogInCommand;
import certrenewal.application.port.in.SessionEnd;
import certrenewal.application.port.in.admin.ReissueCertificateCommand;
import certrenewal.application.port.in.admin.RegisterUserIdCommand;
import certrenewal.application.port.out.AuditEvent;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.AccessScope;
import certrenewal.domain.account.AccountStatus;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.account.LoginPassword;
import certrenewal.domain.account.PasswordState;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChangeLoginPasswordServiceTest {
    private static final String NEW = "Spring-2026-new";
    /** The test IDs' own passwords contain their names, which a new one may not: the first change is to this. */
    private static final String ORIGIN = "Origin-pass-0";
    private final TestWorld world = new TestWorld();
    private final InMemoryStore store = world.store;

    private AuthenticatedId logInAdmin(String password) {
        return world.logIn.logIn(new LogInCommand(ADMIN, password.toCharArray(), world.first.certificate().der()));
    }

    private AuthenticatedId change(AuthenticatedId who, String current, String next, String again) {
        return world.changePassword.change(new ChangeLoginPasswordCommand(who, current.toCharArray(), next.toCharArray(),
                again.toCharArray()));
    }

    @Test
    void theHolderChangesThePasswordWhichThenLogsIn() {
        AuthenticatedId who = logInAdmin(passwordOf(ADMIN));

        AuthenticatedId after = change(who, passwordOf(ADMIN), NEW, NEW);

        assertEquals(1, after.credentialEpoch());
        assertEquals(AccessScope.FULL, after.scope());
        assertEquals(AuditEvent.SUCCESS, store.audit("LOGIN_PASSWORD_CHANGED").getLast().outcome());
        assertFalse(store.audit().toString().contains(NEW), "the audit trail never holds a password");
        assertEquals(1, logInAdmin(NEW).credentialEpoch());
        assertRefused(Code.WRONG_CREDENTIALS, () -> logInAdmin(passwordOf(ADMIN)));
    }

    @Test
    void changingThePasswordEndsTheIdsOtherSessionsButNotTheOneThatChangedIt() {
        AuthenticatedId other = logInAdmin(passwordOf(ADMIN));
        AuthenticatedId changing = logInAdmin(passwordOf(ADMIN));
        assertEquals(Optional.empty(), world.checkCustomerSession.check(other));

        AuthenticatedId after = change(changing, passwordOf(ADMIN), NEW, NEW);

        assertEquals(Optional.of(SessionEnd.PASSWORD_CHANGED), world.checkCustomerSession.check(other));
        assertEquals(Optional.of(SessionEnd.PASSWORD_CHANGED), world.checkCustomerSession.check(changing));
        assertEquals(Optional.empty(), world.checkCustomerSession.check(after));
    }

    @Test
    void theNewPasswordFollowsTheBanksRuleAndIsTypedTwiceAlike() {
        AuthenticatedId who = change(logInAdmin(passwordOf(ADMIN)), passwordOf(ADMIN), ORIGIN, ORIGIN);
        String before = store.contents();

        assertRefused(Code.NEW_PASSWORDS_DIFFER, () -> change(who, ORIGIN, NEW, NEW + "x"));
        assertRefused(Code.PASSWORD_TOO_SHORT, () -> change(who, ORIGIN, "short", "short"));
        assertRefused(Code.PASSWORD_CONTAINS_NAME, () -> change(who, ORIGIN, "x-DEMO-ADMIN-x", "x-DEMO-ADMIN-x"));
        assertRefused(Code.PASSWORD_RECENTLY_USED, () -> change(who, ORIGIN, ORIGIN, ORIGIN));

        assertEquals(before, store.contents(), "a refusal changes nothing");
        assertEquals(4, store.audit("LOGIN_PASSWORD_CHANGED").stream()
                .filter(e -> e.outcome().equals(AuditEvent.REFUSED)).count());
    }

    @Test
    void noneOfTheLastFivePasswordsMayComeBack() {
        AuthenticatedId who = change(logInAdmin(passwordOf(ADMIN)), passwordOf(ADMIN), ORIGIN, ORIGIN);
        String current = ORIGIN;
        for (int i = 1; i <= 4; i++) {
            who = change(who, current, NEW + i, NEW + i);
            current = NEW + i;
        }
        AuthenticatedId last = who;
        String now = current;

        // the current one and the four before it are remembered ...
        for (String earlier : new String[] {ORIGIN, NEW + 1, NEW + 2, NEW + 3, NEW + 4}) {
            assertRefused(Code.PASSWORD_RECENTLY_USED, () -> change(last, now, earlier, earlier));
        }
        // ... and once a fifth change came, the first one may be chosen again
        AuthenticatedId fifth = change(last, now, NEW + 5, NEW + 5);
        change(fifth, NEW + 5, ORIGIN, ORIGIN);
    }

    @Test
    void aWrongCurrentPasswordCountsTowardsTheLockOutAsAtLogin() {
        AuthenticatedId who = logInAdmin(passwordOf(ADMIN));

        for (int i = 1; i < TestWorld.MAX_FAILED_PASSWORDS; i++) {
            assertRefused(Code.WRONG_CURRENT_PASSWORD, () -> change(who, "wrong-password", NEW, NEW));
        }
        assertEquals(TestWorld.MAX_FAILED_PASSWORDS - 1, store.account(ADMIN).failedPasswordAttempts());
        assertRefused(Code.ID_LOCKED, () -> change(who, "wrong-password", NEW, NEW));

        assertEquals(AccountStatus.LOCKED, store.account(ADMIN).status());
        assertEquals(Optional.of(SessionEnd.LOCKED), world.checkCustomerSession.check(who));
    }

    @Test
    void anIdRegisteredByItsAdministratorMustChangeThePasswordAtItsFirstLogin() {
        LoginId newbie = new LoginId("newbie");
        world.registerUserId.register(new RegisterUserIdCommand(ADMIN_ACTOR, CONTRACT.number(), newbie,
                new LoginPassword("chosen-by-admin".toCharArray()), passwordOf(ADMIN).toCharArray()));

        assertEquals(Optional.of(new PasswordState(true, 0)), store.loadPasswordState(newbie));
        // the IDs the system registered itself (as the demo data is made) are not forced
        assertEquals(Optional.of(PasswordState.INITIAL), store.loadPasswordState(USER));
        assertEquals(AccessScope.FULL, logInAdmin(passwordOf(ADMIN)).scope());
    }

    @Test
    void aForcedLoginMayOnlyChangeThePasswordAndTheChangeLiftsIt() {
        store.inTransaction(() -> store.savePasswordState(ADMIN, PasswordState.INITIAL.handedOutBy(OPERATOR)));

        AuthenticatedId forced = logInAdmin(passwordOf(ADMIN));

        assertEquals(AccessScope.PASSWORD_CHANGE, forced.scope());
        assertTrue(store.audit("LOGIN").getLast().detail().contains("must change"), store.audit("LOGIN").toString());
        // the use cases refuse it too, not only the screens
        world.moveIntoRenewalWindow();
        assertRefused(Code.PASSWORD_CHANGE_REQUIRED, () -> world.startRenewal.start(forced));

        AuthenticatedId after = change(forced, passwordOf(ADMIN), NEW, NEW);

        assertEquals(AccessScope.FULL, after.scope());
        assertEquals(Optional.of(new PasswordState(false, 1)), store.loadPasswordState(ADMIN));
        assertEquals(AccessScope.FULL, logInAdmin(NEW).scope());
    }

    @Test
    void aReissueByTheAdministratorForcesTheChangeAtTheNextLogin() {
        world.reissue.reissue(new ReissueCertificateCommand(ADMIN_ACTOR, USER, passwordOf(ADMIN).toCharArray()));

        assertTrue(store.loadPasswordState(USER).orElseThrow().changeRequired());
    }

    @Test
    void aForcedLoginWithACertificateExpiredWithinGraceMayRenewOnlyAfterTheChange() {
        store.inTransaction(() -> store.savePasswordState(ADMIN, PasswordState.INITIAL.handedOutBy(OPERATOR)));
        world.clock.set(world.firstExpiry().plus(Duration.ofDays(1)));

        AuthenticatedId forced = logInAdmin(passwordOf(ADMIN));
        assertEquals(AccessScope.PASSWORD_CHANGE, forced.scope());
        assertEquals(Optional.empty(), world.checkCustomerSession.check(forced));

        AuthenticatedId after = change(forced, passwordOf(ADMIN), NEW, NEW);

        assertEquals(AccessScope.RENEWAL_AFTER_EXPIRY, after.scope());
        assertEquals(Optional.empty(), world.checkCustomerSession.check(after));
    }
}
