package certrenewal.application.service;

import static certrenewal.application.service.RenewalUseCasesTest.assertRefused;
import static certrenewal.application.service.TestWorld.ADMIN;
import static certrenewal.application.service.TestWorld.ADMIN_ACTOR;
import static certrenewal.application.service.TestWorld.OPERATOR;
import static certrenewal.application.service.TestWorld.CONTRACT;
import static certrenewal.application.service.TestWorld.SYSTEM;
import static certrenewal.application.service.TestWorld.USER;
import static certrenewal.application.service.TestWorld.passwordOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.application.port.in.ChangeContactDetailsCommand;
import certrenewal.application.port.in.admin.ChangeIdContactCommand;
import certrenewal.application.port.in.admin.RegisterUserIdCommand;
import certrenewal.application.port.out.AuditEvent;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.account.LoginPassword;
import certrenewal.domain.notice.ContactDetails;
import certrenewal.domain.notice.EmailAddress;
import certrenewal.domain.notice.NoticeLanguage;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Contact details: given at registration, changed by the ID itself after its password (the language freely), audited. */
class ContactDetailsTest {
    private final TestWorld world = new TestWorld();
    private final InMemoryStore store = world.store;
    private static final EmailAddress OLD = new EmailAddress("demo-user@example.jp");
    private static final EmailAddress NEW = new EmailAddress("demo-user.new@example.com");

    @Test
    void theAddressGivenAtRegistrationIsStoredWithTheIdAndAudited() {
        LoginId id = new LoginId("with-address");
        world.registerUserId.register(new RegisterUserIdCommand(SYSTEM, CONTRACT.number(), id,
                new LoginPassword("first-password".toCharArray()), new char[0], new EmailAddress("w@example.jp"),
                NoticeLanguage.EN));

        assertEquals(Optional.of(new ContactDetails(id, new EmailAddress("w@example.jp"), NoticeLanguage.EN)),
                store.loadContact(id));
        assertTrue(store.audit("LOGIN_ID_REGISTERED").getLast().detail().endsWith("; contact w@example.jp (en)"));
    }

    @Test
    void anIdChangesItsAddressWithItsPasswordAndTheChangeIsAudited() {
        store.inTransaction(() -> store.saveContact(new ContactDetails(USER, OLD, NoticeLanguage.JA)));

        world.changeContact.change(new ChangeContactDetailsCommand(USER, NEW, NoticeLanguage.EN,
                passwordOf(USER).toCharArray()));

        assertEquals(Optional.of(new ContactDetails(USER, NEW, NoticeLanguage.EN)), world.changeContact.current(USER));
        AuditEvent entry = store.audit("CONTACT_CHANGED").getLast();
        assertEquals(AuditEvent.SUCCESS, entry.outcome());
        assertEquals("login-id:demo-user", entry.target());
        assertEquals("by the ID itself: demo-user@example.jp (ja) -> demo-user.new@example.com (en)", entry.detail());
    }

    @Test
    void aWrongPasswordChangesNothingCountsTowardsTheLockOutAndIsAudited() {
        store.inTransaction(() -> store.saveContact(new ContactDetails(USER, OLD, NoticeLanguage.JA)));

        assertRefused(Code.WRONG_CONFIRMATION_PASSWORD, () -> world.changeContact.change(
                new ChangeContactDetailsCommand(USER, NEW, NoticeLanguage.JA, "not-my-password".toCharArray())));

        assertEquals(Optional.of(new ContactDetails(USER, OLD, NoticeLanguage.JA)), store.loadContact(USER));
        assertEquals(1, store.account(USER).failedPasswordAttempts());
        assertEquals(AuditEvent.REFUSED, store.audit("CONTACT_CHANGED").getLast().outcome());
    }

    @Test
    void theLanguageAloneChangesWithoutThePassword() {
        store.inTransaction(() -> store.saveContact(new ContactDetails(ADMIN, OLD, NoticeLanguage.JA)));

        world.changeContact.change(new ChangeContactDetailsCommand(ADMIN, OLD, NoticeLanguage.EN, new char[0]));

        assertEquals(NoticeLanguage.EN, store.loadContact(ADMIN).orElseThrow().language());
        assertEquals(0, store.account(ADMIN).failedPasswordAttempts());
    }

    @Test
    void anAdministratorChangesItsUsersAddressWithItsOwnPasswordAndTheChangeNamesIt() {
        world.setLoginPassword(ADMIN);
        store.inTransaction(() -> store.saveContact(new ContactDetails(USER, OLD, NoticeLanguage.JA)));

        world.changeIdContact.change(new ChangeIdContactCommand(ADMIN_ACTOR, USER, NEW, NoticeLanguage.EN,
                passwordOf(ADMIN).toCharArray()));

        assertEquals(Optional.of(new ContactDetails(USER, NEW, NoticeLanguage.EN)),
                world.changeIdContact.current(ADMIN_ACTOR, USER));
        AuditEvent entry = store.audit("CONTACT_CHANGED").getLast();
        assertEquals(AuditEvent.SUCCESS, entry.outcome());
        assertEquals(ADMIN_ACTOR.auditName(), entry.actor());
        assertEquals("login-id:demo-user", entry.target());
        assertEquals("by " + ADMIN_ACTOR.auditName() + ": demo-user@example.jp (ja) -> demo-user.new@example.com (en)",
                entry.detail());
    }

    @Test
    void anAdministratorsWrongPasswordChangesNothingCountsAgainstItAndIsAudited() {
        world.setLoginPassword(ADMIN);
        store.inTransaction(() -> store.saveContact(new ContactDetails(USER, OLD, NoticeLanguage.JA)));

        assertRefused(Code.WRONG_CONFIRMATION_PASSWORD, () -> world.changeIdContact.change(
                new ChangeIdContactCommand(ADMIN_ACTOR, USER, NEW, NoticeLanguage.JA, "not-my-password".toCharArray())));

        assertEquals(Optional.of(new ContactDetails(USER, OLD, NoticeLanguage.JA)), store.loadContact(USER));
        assertEquals(1, store.account(ADMIN).failedPasswordAttempts());
        assertEquals(0, store.account(USER).failedPasswordAttempts());
        assertEquals(AuditEvent.REFUSED, store.audit("CONTACT_CHANGED").getLast().outcome());
    }

    @Test
    void theBankSetsAnAdministratorsAddressThatHadNone() {
        world.addStaff(OPERATOR);

        world.changeIdContact.change(new ChangeIdContactCommand(OPERATOR, ADMIN, NEW, NoticeLanguage.JA,
                passwordOf(OPERATOR).toCharArray()));

        assertEquals(Optional.of(new ContactDetails(ADMIN, NEW, NoticeLanguage.JA)), store.loadContact(ADMIN));
        assertEquals("by " + OPERATOR.auditName() + ": none -> demo-user.new@example.com (ja)",
                store.audit("CONTACT_CHANGED").getLast().detail());
    }

    @Test
    void theBankLearnsThatAnIdIsUnknown() {
        world.addStaff(OPERATOR);

        assertRefused(Code.UNKNOWN_LOGIN_ID, () -> world.changeIdContact.current(OPERATOR, new LoginId("nobody")));
    }
}
