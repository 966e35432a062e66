package certrenewal.application.service;

import static certrenewal.application.service.RenewalUseCasesTest.assertRefused;
import static certrenewal.application.service.TestWorld.ADMIN;
import static certrenewal.application.service.TestWorld.ADMIN_ACTOR;
import static certrenewal.application.service.TestWorld.AUDITOR;
import static certrenewal.application.service.TestWorld.CONTRACT;
import static certrenewal.application.service.TestWorld.OPERATOR;
import static certrenewal.application.service.TestWorld.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.application.port.in.admin.ChangeIdContactCommand;
import certrenewal.application.port.in.admin.OpenContractCommand;
import certrenewal.application.port.in.admin.RegisterUserIdCommand;
import certrenewal.application.port.in.admin.ReissueCertificateCommand;
import certrenewal.application.port.in.admin.RevokeCertificateCommand;
import certrenewal.application.readmodel.AuditFilter;
import certrenewal.application.readmodel.CertificateSearch;
import certrenewal.application.port.out.AuditEvent;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.Contract;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.account.LoginPassword;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.certificate.RevocationReason;
import certrenewal.domain.certificate.SerialNumber;
import certrenewal.domain.notice.EmailAddress;
import certrenewal.domain.notice.NoticeLanguage;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may do what, through the services as the web and the console call them: each allowed call
 * succeeds, each other one is refused with NOT_PERMITTED, audited, and changes nothing. A user ID
 * is never an actor (the web refuses it before any service), so it has no column here.
 */
class AuthorizationMatrixTest {
    static final Contract OTHER_CONTRACT = new Contract(new ContractNumber("C0002"), "Other Trading Co.");
    static final LoginId OTHER_ADMIN = new LoginId("admin-2");

    enum Who {
        OWN_ADMINISTRATOR(ADMIN_ACTOR),
        OTHER_CONTRACTS_ADMINISTRATOR(new Actor.CustomerAdministrator(OTHER_ADMIN, OTHER_CONTRACT.number())),
        OPERATOR_STAFF(OPERATOR),
        AUDITOR_STAFF(AUDITOR);

        final Actor actor;

        Who(Actor actor) {
            this.actor = actor;
        }

        /** The actor's own password, as typed to confirm. */
        char[] password() {
            return switch (actor) {
                case Actor.CustomerAdministrator admin -> TestWorld.passwordOf(admin.loginId()).toCharArray();
                case Actor.Staff staff -> TestWorld.passwordOf(staff).toCharArray();
                case Actor.SystemTask system -> new char[0];
            };
        }
    }

    /** The actions the screens and the console offer, on the user ID and the administrator ID of contract C0001. */
    enum Action {
        LIST_IDS {
            @Override
            void perform(Scenario s, Who who) {
                s.world.listContractIds.list(who.actor, CONTRACT.number());
            }
        },
        REGISTER_USER {
            @Override
            void perform(Scenario s, Who who) {
                s.world.registerUserId.register(new RegisterUserIdCommand(who.actor, CONTRACT.number(),
                        new LoginId("new-user"), new LoginPassword("initial-password".toCharArray()), who.password()));
            }
        },
        REISSUE_USER {
            @Override
            void perform(Scenario s, Who who) {
                s.world.reissue.reissue(new ReissueCertificateCommand(who.actor, USER, who.password()));
            }
        },
        REISSUE_ADMINISTRATOR {
            @Override
            void perform(Scenario s, Who who) {
                s.world.reissue.reissue(new ReissueCertificateCommand(who.actor, ADMIN, who.password()));
            }
        },
        REVOKE_USERS_CERTIFICATE {
            @Override
            void perform(Scenario s, Who who) {
                revoke(s, who, s.userCertificate);
            }
        },
        REVOKE_ADMINISTRATORS_CERTIFICATE {
            @Override
            void perform(Scenario s, Who who) {
                revoke(s, who, s.world.first.certificate().serial());
            }
        },
        UNLOCK_USER {
            @Override
            void prepare(Scenario s) {
                s.world.lock(USER);
            }

            @Override
            void perform(Scenario s, Who who) {
                s.world.unlock.unlock(who.actor, USER, who.password());
            }
        },
        UNLOCK_ADMINISTRATOR {
            @Override
            void prepare(Scenario s) {
                s.world.lock(ADMIN);
            }

            @Override
            void perform(Scenario s, Who who) {
                s.world.unlock.unlock(who.actor, ADMIN, who.password());
            }
        },
        CHANGE_USERS_CONTACT {
            @Override
            void perform(Scenario s, Who who) {
                s.world.changeIdContact.change(new ChangeIdContactCommand(who.actor, USER,
                        new EmailAddress("changed@example.jp"), NoticeLanguage.EN, who.password()));
            }
        },
        CHANGE_ADMINISTRATORS_CONTACT {
            @Override
            void perform(Scenario s, Who who) {
                s.world.changeIdContact.change(new ChangeIdContactCommand(who.actor, ADMIN,
                        new EmailAddress("changed@example.jp"), NoticeLanguage.EN, who.password()));
            }
        },
        OPEN_CONTRACT {
            @Override
            void perform(Scenario s, Who who) {
                s.world.openContract.open(new OpenContractCommand(who.actor,
                        new Contract(new ContractNumber("C0003"), "Third Co."), new LoginId("admin-3"),
                        new LoginPassword("initial-password".toCharArray())));
            }
        },
        INVENTORY {
            @Override
            void perform(Scenario s, Who who) {
                s.world.inventory.expiring(who.actor, 40, 100);
            }
        },
        DASHBOARD {
            @Override
            void perform(Scenario s, Who who) {
                s.world.dashboard.dashboard(who.actor);
            }
        },
        SEARCH {
            @Override
            void perform(Scenario s, Who who) {
                s.world.searchRecords.search(who.actor, new CertificateSearch(null, null, null, null, null, null, null,
                        false, 0, 20));
            }
        },
        READ_AUDIT_TRAIL {
            @Override
            void perform(Scenario s, Who who) {
                s.world.readAuditTrail.read(who.actor, new AuditFilter(null, null, null, null, null, null, 0, 50));
            }
        },
        VERIFY_AUDIT_TRAIL {
            @Override
            void perform(Scenario s, Who who) {
                s.world.verifyAuditTrail.verify(who.actor);
            }
        };

        void prepare(Scenario s) {
        }

        abstract void perform(Scenario s, Who who);

        private static void revoke(Scenario s, Who who, SerialNumber serial) {
            s.world.revoke.revoke(new RevokeCertificateCommand(who.actor, serial, RevocationReason.KEY_COMPROMISE,
                    who.password()));
        }
    }

    /** Contract C0001 with its administrator and a user, both holding a certificate; contract C0002; two staff accounts. */
    static final class Scenario {
        final TestWorld world = new TestWorld();
        final SerialNumber userCertificate;

        Scenario() {
            world.addContract(OTHER_CONTRACT, OTHER_ADMIN);
            world.setLoginPassword(ADMIN);
            world.setLoginPassword(OTHER_ADMIN);
            world.addStaff(OPERATOR);
            world.addStaff(AUDITOR);
            userCertificate = world.issueToUser().certificate().serial();
        }
    }

    static Stream<Arguments> matrix() {
        //                                       own admin, other admin, operator, auditor
        return Stream.of(
                row(Action.LIST_IDS,                          true,  false, true,  false),
                row(Action.REGISTER_USER,                     true,  false, false, false),
                row(Action.REISSUE_USER,                      true,  false, false, false),
                row(Action.REISSUE_ADMINISTRATOR,             false, false, true,  false),
                row(Action.REVOKE_USERS_CERTIFICATE,          true,  false, true,  false),
                row(Action.REVOKE_ADMINISTRATORS_CERTIFICATE, false, false, true,  false),
                row(Action.UNLOCK_USER,                       true,  false, false, false),
                row(Action.UNLOCK_ADMINISTRATOR,              false, false, true,  false),
                row(Action.CHANGE_USERS_CONTACT,              true,  false, true,  false),
                row(Action.CHANGE_ADMINISTRATORS_CONTACT,     false, false, true,  false),
                row(Action.OPEN_CONTRACT,                     false, false, true,  false),
                row(Action.INVENTORY,                         false, false, true,  true),
                row(Action.DASHBOARD,                         false, false, true,  true),
                row(Action.SEARCH,                            false, false, true,  false),
                row(Action.READ_AUDIT_TRAIL,                  false, false, false, true),
                row(Action.VERIFY_AUDIT_TRAIL,                false, false, false, true))
                .flatMap(Arrays::stream);
    }

    @ParameterizedTest(name = "{0} {1}: allowed = {2}")
    @MethodSource("matrix")
    void eachActorMayDoExactlyWhatThePolicyGivesIt(Who who, Action action, boolean allowed) {
        Scenario scenario = new Scenario();
        action.prepare(scenario);
        InMemoryStore store = scenario.world.store;
        String before = store.contents();
        int auditEntries = store.audit().size();

        if (allowed) {
            action.perform(scenario, who);
            assertTrue(store.audit().stream().skip(auditEntries).noneMatch(e -> e.outcome().equals(AuditEvent.REFUSED)));
            return;
        }
        assertRefused(Code.NOT_PERMITTED, () -> action.perform(scenario, who));
        assertEquals(before, store.contents(), "a refused request changes nothing");
        assertEquals(auditEntries + 1, store.audit().size());
        AuditEvent refusal = store.audit().getLast();
        assertEquals(AuditEvent.REFUSED, refusal.outcome());
        assertEquals(who.actor.auditName(), refusal.actor());
        assertTrue(refusal.detail().startsWith("NOT_PERMITTED"), refusal.detail());
        assertEquals(0, scenario.world.authority.crls().size(), "no CRL for a refused revocation");
    }

    private static Arguments[] row(Action action, boolean ownAdministrator, boolean otherAdministrator,
                                   boolean operator, boolean auditor) {
        return new Arguments[] {
                Arguments.of(Who.OWN_ADMINISTRATOR, action, ownAdministrator),
                Arguments.of(Who.OTHER_CONTRACTS_ADMINISTRATOR, action, otherAdministrator),
                Arguments.of(Who.OPERATOR_STAFF, action, operator),
                Arguments.of(Who.AUDITOR_STAFF, action, auditor)};
    }
}
