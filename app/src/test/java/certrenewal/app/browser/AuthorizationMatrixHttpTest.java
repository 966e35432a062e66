package certrenewal.app.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.app.TestIds;
import certrenewal.adapters.pki.ClientCredentials;
import certrenewal.application.port.in.IssuedCertificate;
import certrenewal.application.port.out.ContactPort;
import certrenewal.application.port.in.console.RequestApprovalCommand;
import certrenewal.application.port.in.console.RequestApprovalUseCase;
import certrenewal.application.port.out.ApprovalRequestPort;
import certrenewal.application.port.out.LoadAccountPort;
import certrenewal.application.port.out.LoadCertificatePort;
import certrenewal.application.port.out.PasswordHasherPort;
import certrenewal.application.port.out.PasswordPort;
import certrenewal.application.port.out.SaveAccountPort;
import certrenewal.domain.administration.StaffAccount;
import certrenewal.application.port.out.StaffAccountPort;
import certrenewal.application.port.out.StaffCertificatePort;
import certrenewal.domain.administration.StaffCertificate;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.account.AccountStatus;
import certrenewal.domain.account.Contract;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.IdKind;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.ApprovalRequest;
import certrenewal.domain.administration.DualControlAction;
import certrenewal.domain.administration.StaffRole;
import certrenewal.domain.certificate.RevocationReason;
import certrenewal.domain.certificate.CertificateStatus;
import certrenewal.domain.certificate.SerialNumber;
import com.microsoft.playwright.APIRequest;
import com.microsoft.playwright.APIRequestContext;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ClientCertificate;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every role against every administrative action, at the HTTP level: each request made with the
 * role's own session (cookies and CSRF token kept by a Playwright {@link APIRequestContext}, no
 * redirect followed), each refused row checked to have changed nothing through the outgoing ports,
 * each allowed row on a target of its own so that rows never interfere.
 */
class AuthorizationMatrixHttpTest extends RunningSystemWithBrowser {
    private static final String CONTRACT = "0000001";
    private static final String OTHER_CONTRACT = "0000042";
    private static final String OTHER_ADMIN = "other-admin";
    private static final String OTHER_P12_PASSWORD = "Other-P12-Pass";
    private static final String OPERATOR = "matrix-operator";
    private static final String OPERATOR_PASSWORD = "Operator-Pass-1";
    private static final String AUDITOR = "matrix-auditor";
    private static final String AUDITOR_PASSWORD = "Auditor-Pass-1";
    private static final String SECURITY_ADMIN = "matrix-security";
    private static final String SECURITY_ADMIN_PASSWORD = "Security-Pass-1";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final AtomicInteger COUNTER = new AtomicInteger();
    /** A second operator whose requests the matrix's roles decide. */
    private static final String REQUESTER = "matrix-requester";
    private static final String REQUESTER_PASSWORD = "Requester-Pass-1";

    /**
     * The system with dual control on for an administrator ID's certificate revocation only, so that the rows of the
     * other console actions still run them at once (hides the parent's start).
     */
    @BeforeAll
    static void start() {
        system = certrenewal.app.EndToEnd.start(dataDir, Map.of(
                "certrenewal.attempt-limits.per-address", 1_000_000,
                "certrenewal.attempt-limits.per-login-id", 1_000_000,
                "certrenewal.console.dual-control", "REVOKE_ADMINISTRATOR_CERTIFICATE"));
        browsers = Browsers.launch();
    }

    enum Role { ANONYMOUS, USER_ID, ADMIN_SAME_CONTRACT, ADMIN_OTHER_CONTRACT, OPERATOR, AUDITOR, SECURITY_ADMIN }

    enum Action {
        LIST_IDS("list contract 0000001's IDs", false),
        REGISTER_USER_ID("register a user ID in contract 0000001", false),
        REISSUE_USER_CERTIFICATE("re-issue a user ID's certificate", false),
        REVOKE_USER_CERTIFICATE("revoke a user ID's certificate", false),
        UNLOCK_USER_ID("unlock a user ID", false),
        CHANGE_USER_CONTACT("change a user ID's contact address (利用者管理)", false),
        REISSUE_ADMINISTRATOR_CERTIFICATE("re-issue an administrator ID's certificate (console)", true),
        UNLOCK_ADMINISTRATOR_ID("unlock an administrator ID (console)", true),
        REVOKE_ANY_CERTIFICATE("revoke any certificate (console)", true),
        REGISTER_CONTRACT("register a contract (console)", true),
        CHANGE_ANY_CONTACT("change an administrator ID's contact address (console)", true),
        VIEW_DASHBOARD("view the dashboard", true),
        VIEW_INVENTORY("view the certificates expiring soon", true),
        EXPORT_INVENTORY("export the certificates expiring soon as CSV", true),
        SEARCH("search", true),
        READ_AUDIT_LOG("read the audit log", true),
        VERIFY_AUDIT_LOG("verify the audit log", true),
        CHANGE_OWN_LOGIN_PASSWORD("reach the own login password's change (パスワード変更)", false),

        LIST_STAFF("list the staff accounts", true),
        CREATE_STAFF("create a staff account", true),
        DISABLE_STAFF("disable a staff account", true),
        ENABLE_STAFF("re-enable a staff account", true),
        UNLOCK_STAFF("unlock a staff account", true),
        RESET_STAFF_PASSWORD("reset a staff account's password", true),
        CHANGE_STAFF_ROLE("change a staff account's role", true),
        ISSUE_STAFF_CERTIFICATE("issue a staff account's console certificate", true),
        CHANGE_OWN_PASSWORD("change the own console password", true),

        // dual control, on in this system for the revocation of an administrator ID's certificate only
        REQUEST_APPROVAL("request an administrator ID's certificate revocation (dual control)", true),
        APPROVE_REQUEST("approve another's request (dual control)", true),
        REJECT_REQUEST("reject another's request (dual control)", true),
        APPROVE_OWN_REQUEST("approve or reject its own request (dual control)", true),
        APPROVE_EXPIRED_REQUEST("approve or reject a request past its deadline (dual control)", true);

        final String text;
        final boolean console;

        Action(String text, boolean console) {
            this.text = text;
            this.console = console;
        }
    }

    /** The specification: who may do what. */
    static boolean allowed(Role role, Action action) {
        if (action == Action.CHANGE_OWN_LOGIN_PASSWORD) {
            // every customer ID, its own password only; no staff account, nobody without a customer session
            return role == Role.USER_ID || role == Role.ADMIN_SAME_CONTRACT || role == Role.ADMIN_OTHER_CONTRACT;
        }
        if (action == Action.APPROVE_OWN_REQUEST || action == Action.APPROVE_EXPIRED_REQUEST) {
            return false; // nobody: the requester is refused its own, everyone a request past its deadline
        }
        return switch (role) {
            case ADMIN_SAME_CONTRACT -> !action.console;
            case OPERATOR -> action.console && action != Action.READ_AUDIT_LOG && action != Action.VERIFY_AUDIT_LOG
                    && !managesStaff(action);
            case AUDITOR -> action == Action.VIEW_DASHBOARD || action == Action.VIEW_INVENTORY
                    || action == Action.EXPORT_INVENTORY || action == Action.READ_AUDIT_LOG
                    || action == Action.VERIFY_AUDIT_LOG || action == Action.CHANGE_OWN_PASSWORD;
            // staff accounts only, no certificate work, nothing to read
            case SECURITY_ADMIN -> managesStaff(action) || action == Action.CHANGE_OWN_PASSWORD;
            case ANONYMOUS, USER_ID, ADMIN_OTHER_CONTRACT -> false;
        };
    }

    static boolean managesStaff(Action action) {
        return switch (action) {
            case LIST_STAFF, CREATE_STAFF, DISABLE_STAFF, ENABLE_STAFF, UNLOCK_STAFF, RESET_STAFF_PASSWORD,
                 CHANGE_STAFF_ROLE, ISSUE_STAFF_CERTIFICATE -> true;
            default -> false;
        };
    }

    /** A role's HTTP client: its cookies, the CSRF token of its session, the password it confirms actions with. */
    record Client(APIRequestContext http, String csrf, String password) {
    }

    /** One Playwright (driver) per role: the driver's HTTP client may resume a TLS session made with another client certificate. */
    private static final List<Playwright> playwrights = new ArrayList<>();
    private static final Map<Role, Client> clients = new EnumMap<>(Role.class);

    @BeforeAll
    static void rolesAndSessions() throws Exception {
        // the administrator of a second contract, with a certificate and a login password
        new TestIds(system).contract(new ContractNumber(OTHER_CONTRACT), "Other Matrix Co.", new LoginId(OTHER_ADMIN),
                Browsers.LOGIN_PASSWORD);
        KeyPair otherKeys = ClientCredentials.generateEcP256();
        IssuedCertificate otherCert = new TestIds(system).firstCertificate(new LoginId(OTHER_ADMIN),
                ClientCredentials.certificationRequest(otherKeys, OTHER_ADMIN), Duration.ofDays(300));
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(ClientCredentials.parse(otherCert.certificate().der()));
        otherCert.caChain().forEach(der -> chain.add(ClientCredentials.parse(der)));
        Path otherP12 = dataDir.resolve("other-admin.p12");
        ClientCredentials.writePkcs12(otherP12, OTHER_ADMIN, otherKeys.getPrivate(), chain, OTHER_P12_PASSWORD.toCharArray());

        createStaff(OPERATOR, StaffRole.OPERATOR, OPERATOR_PASSWORD);
        createStaff(AUDITOR, StaffRole.AUDITOR, AUDITOR_PASSWORD);
        createStaff(SECURITY_ADMIN, StaffRole.SECURITY_ADMIN, SECURITY_ADMIN_PASSWORD);
        createStaff(REQUESTER, StaffRole.OPERATOR, REQUESTER_PASSWORD);

        clients.put(Role.ANONYMOUS, new Client(newContext(null, null), "no-session-token", ""));
        clients.put(Role.USER_ID, customer(system.demo("demo-user1.p12"), Browsers.DEMO_PKCS12_PASSWORD, "demo-user1"));
        clients.put(Role.ADMIN_SAME_CONTRACT, customer(system.demo("demo-admin.p12"), Browsers.DEMO_PKCS12_PASSWORD, "demo-admin"));
        clients.put(Role.ADMIN_OTHER_CONTRACT, customer(otherP12, OTHER_P12_PASSWORD, OTHER_ADMIN));
        clients.put(Role.OPERATOR, staff(OPERATOR, OPERATOR_PASSWORD));
        clients.put(Role.AUDITOR, staff(AUDITOR, AUDITOR_PASSWORD));
        clients.put(Role.SECURITY_ADMIN, staff(SECURITY_ADMIN, SECURITY_ADMIN_PASSWORD));
    }

    @AfterAll
    static void closeClients() {
        clients.values().forEach(c -> c.http().dispose());
        playwrights.forEach(Playwright::close);
    }

    @TestFactory
    Stream<DynamicTest> everyRoleAgainstEveryAction() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Role role : Role.values()) {
            for (Action action : Action.values()) {
                boolean may = allowed(role, action);
                tests.add(DynamicTest.dynamicTest(role + (may ? " may " : " may not ") + action.text,
                        () -> row(role, action, may)));
            }
        }
        return tests.stream();
    }

    // ---- one row ------------------------------------------------------------------------------

    private void row(Role role, Action action, boolean may) throws Exception {
        Client c = clients.get(role);
        String n = role.name().toLowerCase().replace('_', '-').substring(0, Math.min(9, role.name().length()))
                + "-" + COUNTER.incrementAndGet();
        switch (action) {
            case LIST_IDS -> {
                Reply r = get(c, "/admin/users");
                if (may) {
                    assertEquals(200, r.status, r.toString());
                    assertTrue(r.body.contains("demo-user1") && r.body.contains("demo-user2"), "the contract's IDs listed: " + r);
                } else if (role == Role.ADMIN_OTHER_CONTRACT) {
                    // its own list, never contract 0000001's IDs
                    assertFalse(r.body.contains("demo-user1") || r.body.contains("demo-admin"), "no ID of " + CONTRACT + ": " + r);
                    assertTrue(r.body.contains(OTHER_ADMIN), "its own contract's list: " + r);
                } else {
                    refusedCustomerScreen(role, r);
                    assertFalse(r.body.contains("demo-user2"), "no ID shown: " + r);
                }
            }
            case REGISTER_USER_ID -> {
                String loginId = "new-" + n;
                Reply r = post(c, "/admin/users", Map.of("loginId", loginId, "password", Browsers.LOGIN_PASSWORD,
                        "passwordConfirm", Browsers.LOGIN_PASSWORD, "ownPassword", c.password(), "contract", CONTRACT,
                        "contractNumber", CONTRACT, "email", loginId + "@example.jp"));
                Optional<LoginAccount> made = account(loginId);
                if (may) {
                    assertEquals(200, r.status, r.toString());
                    assertTrue(made.isPresent(), "registered");
                    assertEquals(CONTRACT, made.get().contract().value());
                    assertEquals(IdKind.USER, made.get().kind());
                } else if (role == Role.ADMIN_OTHER_CONTRACT) {
                    // the form has no contract of its own: whatever it does, nothing lands in 0000001
                    assertTrue(made.isEmpty() || !made.get().contract().value().equals(CONTRACT),
                            "no new ID in " + CONTRACT + ": " + made);
                } else {
                    refusedCustomerScreen(role, r);
                    assertTrue(made.isEmpty(), "no new ID: " + made);
                }
            }
            case REISSUE_USER_CERTIFICATE -> {
                Target t = newId(n, IdKind.USER, false);
                Reply r = post(c, "/admin/users/" + t.loginId + "/reissue", Map.of("password", c.password()));
                if (may) {
                    assertEquals(200, r.status, r.toString());
                    assertEquals(CertificateStatus.SUPERSEDED, certificateStatus(t.serial), "the old certificate superseded");
                } else {
                    refusedCustomerScreen(role, r);
                    assertEquals(CertificateStatus.ACTIVE, certificateStatus(t.serial), "unchanged");
                    assertEquals(Optional.of(SerialNumber.ofHex(t.serial)), account(t.loginId).orElseThrow().currentCertificateSerial());
                }
            }
            case REVOKE_USER_CERTIFICATE -> {
                Target t = newId(n, IdKind.USER, false);
                Reply r = post(c, "/admin/revoke", Map.of("loginId", t.loginId, "reason", "KEY_COMPROMISE",
                        "password", c.password()));
                if (may) {
                    assertEquals(303, r.status, r.toString());
                    assertEquals("/admin/revoke/result", r.location);
                    assertEquals(CertificateStatus.REVOKED, certificateStatus(t.serial));
                } else {
                    refusedCustomerScreen(role, r);
                    assertEquals(CertificateStatus.ACTIVE, certificateStatus(t.serial), "unchanged");
                }
            }
            case UNLOCK_USER_ID -> {
                Target t = newId(n, IdKind.USER, true);
                Reply r = post(c, "/admin/users/" + t.loginId + "/unlock", Map.of("password", c.password()));
                if (may) {
                    assertEquals(303, r.status, r.toString());
                    assertEquals("/admin/users", r.location);
                    assertEquals(AccountStatus.ACTIVE, account(t.loginId).orElseThrow().status());
                } else {
                    refusedCustomerScreen(role, r);
                    assertEquals(AccountStatus.LOCKED, account(t.loginId).orElseThrow().status(), "still locked");
                }
            }
            case CHANGE_USER_CONTACT -> {
                Target t = newId(n, IdKind.USER, false);
                Reply r = post(c, "/admin/users/" + t.loginId + "/contact", Map.of("email", "changed-" + n + "@example.jp",
                        "language", "en", "password", c.password()));
                if (may) {
                    assertEquals(303, r.status, r.toString());
                    assertEquals("/admin/users", r.location);
                    assertEquals(Optional.of("changed-" + n + "@example.jp"), contactOf(t.loginId));
                } else {
                    refusedCustomerScreen(role, r);
                    assertEquals(Optional.empty(), contactOf(t.loginId), "unchanged");
                }
            }
            case CHANGE_ANY_CONTACT -> {
                Target t = newId(n, IdKind.ADMINISTRATOR, false);
                Reply r = post(c, "/console/ids/" + t.loginId + "/contact", Map.of("email", "changed-" + n + "@example.jp",
                        "language", "ja", "password", c.password()));
                if (may) {
                    assertEquals(303, r.status, r.toString());
                    assertEquals("/console/ids/" + t.loginId + "?done=contact", r.location);
                    assertEquals(Optional.of("changed-" + n + "@example.jp"), contactOf(t.loginId));
                } else {
                    refusedConsole(role, r);
                    assertEquals(Optional.empty(), contactOf(t.loginId), "unchanged");
                }
            }
            case REISSUE_ADMINISTRATOR_CERTIFICATE -> {
                Target t = newId(n, IdKind.ADMINISTRATOR, false);
                Reply r = post(c, "/console/ids/" + t.loginId + "/reissue", Map.of("password", c.password()));
                if (may) {
                    assertEquals(200, r.status, r.toString());
                    assertTrue(r.body.contains("issuance-password"), "the issuance password shown: " + r);
                    assertEquals(CertificateStatus.SUPERSEDED, certificateStatus(t.serial));
                } else {
                    refusedConsole(role, r);
                    assertEquals(CertificateStatus.ACTIVE, certificateStatus(t.serial), "unchanged");
                    assertEquals(Optional.of(SerialNumber.ofHex(t.serial)), account(t.loginId).orElseThrow().currentCertificateSerial());
                }
            }
            case UNLOCK_ADMINISTRATOR_ID -> {
                Target t = newId(n, IdKind.ADMINISTRATOR, true);
                Reply r = post(c, "/console/ids/" + t.loginId + "/unlock", Map.of("password", c.password()));
                if (may) {
                    assertEquals(303, r.status, r.toString());
                    assertEquals("/console/ids/" + t.loginId + "?done=unlocked", r.location);
                    assertEquals(AccountStatus.ACTIVE, account(t.loginId).orElseThrow().status());
                } else {
                    refusedConsole(role, r);
                    assertEquals(AccountStatus.LOCKED, account(t.loginId).orElseThrow().status(), "still locked");
                }
            }
            case REVOKE_ANY_CERTIFICATE -> {
                Target t = newId(n, IdKind.USER, false);
                Reply r = post(c, "/console/certificates/" + t.serial + "/revoke", Map.of("reason", "KEY_COMPROMISE",
                        "password", c.password()));
                if (may) {
                    assertEquals(303, r.status, r.toString());
                    assertTrue(r.location.startsWith("/console/ids/" + t.loginId + "?done=revoked"), r.toString());
                    assertEquals(CertificateStatus.REVOKED, certificateStatus(t.serial));
                } else {
                    refusedConsole(role, r);
                    assertEquals(CertificateStatus.ACTIVE, certificateStatus(t.serial), "unchanged");
                }
            }
            case REGISTER_CONTRACT -> {
                String number = String.format("77%05d", COUNTER.incrementAndGet());
                String administrator = "ctr-" + n;
                Reply r = post(c, "/console/contract-registration", Map.of("contractNumber", number,
                        "contractName", "Matrix " + number + " Co.", "administrator", administrator,
                        "email", administrator + "@example.jp", "password", "Initial-Pass-1", "passwordConfirmation", "Initial-Pass-1", "confirmed", "yes"));
                Optional<LoginAccount> made = account(administrator);
                if (may) {
                    assertEquals(200, r.status, r.toString());
                    assertTrue(r.body.contains("issuance-password"), "the issuance password shown: " + r);
                    assertTrue(made.isPresent(), "the contract's administrator ID registered");
                    assertEquals(number, made.get().contract().value());
                    assertEquals(IdKind.ADMINISTRATOR, made.get().kind());
                } else {
                    refusedConsole(role, r);
                    assertTrue(made.isEmpty(), "nothing registered: " + made);
                }
            }
            case REQUEST_APPROVAL -> {
                Target t = newId(n, IdKind.ADMINISTRATOR, false);
                int before = approvals().pendingRequests(1000).size();
                Reply r = post(c, "/console/certificates/" + t.serial + "/revoke", Map.of("reason", "KEY_COMPROMISE",
                        "approvalReason", "matrix " + n, "password", c.password()));
                List<ApprovalRequest> pending = approvals().pendingRequests(1000);
                if (may) {
                    assertEquals(303, r.status, r.toString());
                    assertTrue(r.location.startsWith("/console/approvals?done=requested"), r.toString());
                    assertEquals(before + 1, pending.size(), "one request stored");
                    assertEquals("certificate:" + t.serial, pending.getLast().target());
                } else {
                    refusedConsole(role, r);
                    assertEquals(before, pending.size(), "no request stored");
                }
                assertEquals(CertificateStatus.ACTIVE, certificateStatus(t.serial), "nothing revoked before an approval");
            }
            case APPROVE_REQUEST, REJECT_REQUEST, APPROVE_OWN_REQUEST, APPROVE_EXPIRED_REQUEST -> {
                Target t = newId(n, IdKind.ADMINISTRATOR, false);
                ApprovalRequest request = pendingRevocation(t, action, role);
                boolean approving = action != Action.REJECT_REQUEST;
                Reply r = approving
                        ? post(c, "/console/approvals/" + request.id() + "/approve", Map.of("password", c.password()))
                        : post(c, "/console/approvals/" + request.id() + "/reject", Map.of("rejectReason", "matrix " + n));
                ApprovalRequest after = approvals().loadRequest(request.id()).orElseThrow();
                if (may) {
                    assertEquals(303, r.status, r.toString());
                    assertEquals("/console/approvals?done=" + (approving ? "approved" : "rejected"), r.location);
                    assertEquals(approving ? ApprovalRequest.State.APPROVED : ApprovalRequest.State.REJECTED, after.state());
                    assertEquals(approving ? CertificateStatus.REVOKED : CertificateStatus.ACTIVE, certificateStatus(t.serial));
                } else {
                    if (role == Role.OPERATOR && action == Action.APPROVE_OWN_REQUEST) {
                        assertEquals(403, r.status, r.toString());
                        assertTrue(r.body.contains("ご自身の申請は承認も却下もできません")
                                || r.body.contains("Nobody approves or rejects their own request"), r.toString());
                    } else if (role == Role.OPERATOR) {
                        assertEquals(410, r.status, "the deadline passed: " + r);
                        assertTrue(r.body.contains("期限までに承認されなかった")
                                || r.body.contains("was not approved before its deadline"), r.toString());
                    } else {
                        refusedConsole(role, r);
                    }
                    // undecided: pending, or expired by its deadline (whether or not the sweep recorded it yet)
                    assertEquals(action == Action.APPROVE_EXPIRED_REQUEST ? ApprovalRequest.State.EXPIRED
                                    : ApprovalRequest.State.PENDING,
                            after.stateAt(system.bean(java.time.Clock.class).instant()), "not decided");
                    assertEquals(CertificateStatus.ACTIVE, certificateStatus(t.serial), "unchanged");
                }
            }
            case VIEW_DASHBOARD -> {
                Reply r = get(c, "/console");
                if (may) {
                    assertEquals(200, r.status, r.toString());
                    assertTrue(r.body.contains("week-chart"), "the dashboard: " + r);
                } else if (role == Role.SECURITY_ADMIN) {
                    assertEquals("/console/staff", r.location, "its home instead: " + r);
                    assertFalse(r.body.contains("week-chart"));
                } else {
                    refusedConsole(role, r);
                }
            }
            case VIEW_INVENTORY -> {
                Reply r = get(c, "/console/inventory?days=400");
                if (may) {
                    assertEquals(200, r.status, r.toString());
                    assertTrue(r.body.contains("table class=\"data inventory\"") && r.body.contains("demo-user1"),
                            "the demo IDs' certificates expire within 400 days: " + r);
                } else {
                    refusedConsole(role, r);
                    assertFalse(r.body.contains("demo-user1"), "nothing shown: " + r);
                }
            }
            case EXPORT_INVENTORY -> {
                Reply r = get(c, "/console/inventory.csv?days=400");
                if (may) {
                    assertEquals(200, r.status, r.toString());
                    assertTrue(r.body.contains("\"demo-user1\""), "the demo IDs in the CSV: " + r);
                } else {
                    refusedConsole(role, r);
                    assertFalse(r.body.contains("demo-user1"), "nothing exported: " + r);
                }
            }
            case SEARCH -> {
                Reply r = get(c, "/console/search?loginId=demo-user1");
                if (may) {
                    assertEquals(200, r.status, r.toString());
                    assertTrue(r.body.contains("results-heading") && r.body.contains("/console/ids/demo-user1"), "the results: " + r);
                } else {
                    refusedConsole(role, r);
                    // (the refusal page may echo the query in its language link; no result table, no link to the ID)
                    assertFalse(r.body.contains("results-heading") || r.body.contains("/console/ids/demo-user1"),
                            "no result shown: " + r);
                }
            }
            case READ_AUDIT_LOG -> {
                Reply r = get(c, "/console/audit");
                if (may) {
                    assertEquals(200, r.status, r.toString());
                    assertTrue(r.body.contains("audit-records"), "the log: " + r);
                } else {
                    refusedConsole(role, r);
                    assertFalse(r.body.contains("audit-records"), "no log shown: " + r);
                }
            }
            case CHANGE_OWN_LOGIN_PASSWORD -> {
                Reply form = get(c, "/password");
                Map<String, Optional<String>> before = passwordHashes();
                // the new password typed twice differently: the use case answers, and the matrix's own logins stay
                Reply r = post(c, "/password", Map.of("currentPassword", Browsers.LOGIN_PASSWORD,
                        "newPassword", "Matrix-New-Pass-1", "newPasswordAgain", "Matrix-New-Pass-2"));
                if (may) {
                    assertEquals(200, form.status, form.toString());
                    assertEquals(400, r.status, r.toString());
                    assertTrue(r.body.contains("new-password"), "the password screen again: " + r);
                } else {
                    assertEquals(303, form.status, form.toString());
                    assertTrue(form.location.matches("/login(\\?.*)?"), "to the login screen: " + form);
                    refusedCustomerScreen(role, r);
                }
                assertEquals(before, passwordHashes(), "no password changed");
            }
            case VERIFY_AUDIT_LOG -> {
                Reply r = post(c, "/console/audit/verify", Map.of());
                if (may) {
                    assertEquals(200, r.status, r.toString());
                    assertTrue(r.body.contains("data-first-broken") || r.body.contains("class=\"verification"),
                            "the verification's outcome: " + r);
                } else {
                    refusedConsole(role, r);
                    assertFalse(r.body.contains("class=\"verification"), "no verification: " + r);
                }
            }
            case LIST_STAFF -> {
                Reply r = get(c, "/console/staff");
                if (may) {
                    assertEquals(200, r.status, r.toString());
                    assertTrue(r.body.contains("data-username=\"" + OPERATOR + "\""), "the accounts listed: " + r);
                } else {
                    refusedConsole(role, r);
                    assertFalse(r.body.contains("data-username="), "no account listed: " + r);
                }
            }
            case CREATE_STAFF -> {
                String username = "new-" + n;
                Reply r = post(c, "/console/staff", Map.of("username", username, "role", "SECURITY_ADMIN"));
                Optional<StaffAccount> made = staffAccount(username);
                if (may) {
                    assertEquals(200, r.status, r.toString());
                    assertTrue(r.body.contains("one-time-password"), "the one-time password shown: " + r);
                    assertTrue(made.orElseThrow().mustChangePassword());
                } else {
                    refusedConsole(role, r);
                    assertTrue(made.isEmpty(), "nothing created: " + made);
                }
            }
            case DISABLE_STAFF, ENABLE_STAFF, UNLOCK_STAFF, RESET_STAFF_PASSWORD, CHANGE_STAFF_ROLE -> {
                String username = "target-" + n;
                StaffAccount before = targetStaff(username, action);
                String path = switch (action) {
                    case DISABLE_STAFF -> "disable";
                    case ENABLE_STAFF -> "enable";
                    case UNLOCK_STAFF -> "unlock";
                    case RESET_STAFF_PASSWORD -> "reset-password";
                    default -> "role";
                };
                Reply r = post(c, "/console/staff/" + username + "/" + path, Map.of("role", "SECURITY_ADMIN"));
                StaffAccount after = staffAccount(username).orElseThrow();
                if (may) {
                    assertTrue(r.status == 303 || r.status == 200, r.toString());
                    switch (action) {
                        case DISABLE_STAFF -> assertTrue(after.disabled());
                        case ENABLE_STAFF -> assertFalse(after.disabled());
                        case UNLOCK_STAFF -> assertFalse(after.lockedAt(java.time.Instant.now()));
                        case RESET_STAFF_PASSWORD -> assertNotEquals(before.passwordHash(), after.passwordHash());
                        default -> assertEquals(StaffRole.SECURITY_ADMIN, after.role());
                    }
                } else {
                    refusedConsole(role, r);
                    assertEquals(before, after, "unchanged");
                }
            }
            case ISSUE_STAFF_CERTIFICATE -> {
                String username = "certified-" + n;
                createStaff(username, StaffRole.OPERATOR, "Target-Pass-1");
                Reply r = post(c, "/console/staff/" + username + "/certificate", Map.of());
                Optional<StaffCertificate> current = system.bean(StaffCertificatePort.class).currentStaffCertificate(username);
                if (may) {
                    assertEquals(200, r.status, r.toString());
                    assertTrue(r.body.contains("one-time-password") && r.body.contains("data:application/x-pkcs12;base64,"),
                            "the file and its password shown: " + r);
                    assertTrue(r.body.contains(current.orElseThrow().serial().hex()), "the recorded certificate: " + r);
                } else {
                    refusedConsole(role, r);
                    assertFalse(r.body.contains("data:application/x-pkcs12"), "no file: " + r);
                    assertEquals(Optional.empty(), current, "nothing issued");
                }
            }
            case CHANGE_OWN_PASSWORD -> {
                // a throwaway account of the role, so that the shared client keeps its session
                StaffRole staffRole = switch (role) {
                    case OPERATOR -> StaffRole.OPERATOR;
                    case AUDITOR -> StaffRole.AUDITOR;
                    case SECURITY_ADMIN -> StaffRole.SECURITY_ADMIN;
                    default -> null;
                };
                String username = "own-" + n;
                Client own = c;
                if (staffRole != null) {
                    createStaff(username, staffRole, "Own-Pass-" + n);
                    own = staff(username, "Own-Pass-" + n);
                }
                String hashBefore = staffRole == null ? null : staffAccount(username).orElseThrow().passwordHash();
                Reply r = post(own, "/console/password", Map.of("currentPassword", "Own-Pass-" + n,
                        "newPassword", "Brand-new-pass-42", "newPasswordConfirmation", "Brand-new-pass-42"));
                if (may) {
                    assertEquals("/console/password?changed=1", r.location, r.toString());
                    assertNotEquals(hashBefore, staffAccount(username).orElseThrow().passwordHash());
                } else {
                    refusedConsole(role, r);
                }
            }
        }
    }

    /** The login password hashes of the matrix's customer IDs. */
    private static Map<String, Optional<String>> passwordHashes() {
        Map<String, Optional<String>> hashes = new java.util.TreeMap<>();
        for (String id : List.of("demo-user1", "demo-admin", OTHER_ADMIN)) {
            hashes.put(id, system.bean(PasswordPort.class).loadPasswordHash(new LoginId(id)));
        }
        return hashes;
    }

    /** A refused /admin request: the customer login for those without a customer session, 403 or 404 for the others. */
    private static void refusedCustomerScreen(Role role, Reply r) {
        switch (role) {
            case ANONYMOUS, OPERATOR, AUDITOR, SECURITY_ADMIN -> {
                assertEquals(303, r.status, r.toString());
                assertTrue(r.location != null && r.location.matches("/login(\\?.*)?"), "to the login screen: " + r);
            }
            case USER_ID -> assertEquals(403, r.status, r.toString());
            default -> assertTrue(r.status == 403 || r.status == 404, "403 or 404: " + r);
        }
    }

    /** A refused /console request: the console login for those without a staff session, 403 for staff. */
    private static void refusedConsole(Role role, Reply r) {
        switch (role) {
            case OPERATOR, AUDITOR, SECURITY_ADMIN -> assertEquals(403, r.status, r.toString());
            default -> {
                assertEquals(303, r.status, r.toString());
                assertTrue(r.location != null && r.location.matches("/console/login(\\?.*)?"),
                        "to the console's login screen: " + r);
            }
        }
    }

    // ---- HTTP -----------------------------------------------------------------------------------

    record Reply(int status, String location, String body) {
        @Override
        public String toString() {
            return status + (location == null ? "" : " -> " + location) + "\n"
                    + (body.length() > 1500 ? body.substring(0, 1500) + "..." : body);
        }
    }

    private static Reply get(Client c, String path) {
        return reply(c.http().get(system.url(path), RequestOptions.create().setMaxRedirects(0)));
    }

    private static Reply post(Client c, String path, Map<String, String> fields) {
        FormData form = FormData.create().set("_csrf", c.csrf());
        fields.forEach(form::set);
        return reply(c.http().post(system.url(path), RequestOptions.create().setForm(form).setMaxRedirects(0)));
    }

    private static Reply reply(APIResponse response) {
        try {
            return new Reply(response.status(), response.headers().get("location"), response.text());
        } finally {
            response.dispose();
        }
    }

    private static APIRequestContext newContext(Path p12, String passphrase) {
        APIRequest.NewContextOptions options = new APIRequest.NewContextOptions()
                .setIgnoreHTTPSErrors(true)
                .setMaxRedirects(0);
        if (p12 != null) {
            options.setClientCertificates(List.of(new ClientCertificate(system.origin()).setPfxPath(p12).setPassphrase(passphrase)));
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        playwrights.add(playwright);
        return playwright.request().newContext(options);
    }

    private static String csrfOf(Reply page) {
        Matcher m = CSRF.matcher(page.body());
        assertTrue(m.find(), "a CSRF token on the page: " + page);
        return m.group(1);
    }

    /** Logs a customer ID in with its certificate and password; its CSRF token from the main screen. */
    private static Client customer(Path p12, String passphrase, String loginId) {
        APIRequestContext http = newContext(p12, passphrase);
        Client anonymous = new Client(http, null, Browsers.LOGIN_PASSWORD);
        String loginCsrf = csrfOf(get(anonymous, "/login"));
        Reply login = post(new Client(http, loginCsrf, null), "/login",
                Map.of("loginId", loginId, "password", Browsers.LOGIN_PASSWORD));
        assertEquals(303, login.status(), loginId + " logs in: " + login);
        assertTrue(login.location().equals("/main") || login.location().equals("/renewal/notice"), login.toString());
        Reply main = get(anonymous, "/main");
        assertEquals(200, main.status(), main.toString());
        return new Client(http, csrfOf(main), Browsers.LOGIN_PASSWORD);
    }

    /** Logs a staff member in to the console; its CSRF token from the password page (every role has one). */
    private static Client staff(String username, String password) {
        APIRequestContext http = newContext(null, null);
        Client anonymous = new Client(http, null, password);
        String loginCsrf = csrfOf(get(anonymous, "/console/login"));
        Reply login = post(new Client(http, loginCsrf, null), "/console/login",
                Map.of("username", username, "password", password));
        assertEquals(303, login.status(), username + " logs in: " + login);
        assertEquals("/console", login.location());
        Reply page = get(anonymous, "/console/password");
        assertEquals(200, page.status(), page.toString());
        return new Client(http, csrfOf(page), password);
    }

    // ---- targets and what is stored -------------------------------------------------------------

    record Target(String loginId, String serial) {
    }

    /** A new ID of contract 0000001 with an active certificate and the login password; locked if asked. */
    private static Target newId(String name, IdKind kind, boolean locked) {
        LoginId loginId = new LoginId((kind == IdKind.ADMINISTRATOR ? "adm-" : "usr-") + name);
        TestIds ids = new TestIds(system);
        ids.id(new ContractNumber(CONTRACT), loginId, kind, Browsers.LOGIN_PASSWORD);
        IssuedCertificate issued = ids.firstCertificate(loginId, Duration.ofDays(300));
        if (locked) {
            system.bean(TransactionPort.class).inTransaction(() -> {
                LoginAccount account = system.bean(LoadAccountPort.class).loadAccount(loginId).orElseThrow();
                system.bean(SaveAccountPort.class).updateAccount(account.recordFailedPassword(1));
            });
            assertEquals(AccountStatus.LOCKED, account(loginId.value()).orElseThrow().status());
        }
        String serial = issued.certificate().serial().hex();
        assertEquals(CertificateStatus.ACTIVE, certificateStatus(serial));
        assertNotNull(serial);
        return new Target(loginId.value(), serial);
    }

    private static Optional<String> contactOf(String loginId) {
        return system.bean(ContactPort.class).loadContact(new LoginId(loginId)).map(contact -> contact.address().value());
    }

    private static ApprovalRequestPort approvals() {
        return system.bean(ApprovalRequestPort.class);
    }

    /**
     * A pending request to revoke {@code t}'s certificate: by the matrix's requester; by the operator itself for the
     * own-request row; for the expired row, made a day and an hour before the system's (injected) clock, so that its
     * 24-hour deadline has passed.
     */
    private static ApprovalRequest pendingRevocation(Target t, Action action, Role role) {
        SerialNumber serial = SerialNumber.ofHex(t.serial);
        if (action == Action.APPROVE_EXPIRED_REQUEST) {
            java.time.Instant now = system.bean(java.time.Clock.class).instant();
            ApprovalRequest old = ApprovalRequest.request(new Actor.Staff(REQUESTER, StaffRole.OPERATOR),
                    DualControlAction.REVOKE_ADMINISTRATOR_CERTIFICATE, "certificate:" + t.serial,
                    Map.of(RequestApprovalCommand.SERIAL, t.serial, RequestApprovalCommand.REVOCATION_REASON, "KEY_COMPROMISE"),
                    "matrix, expired", now.minus(Duration.ofHours(25)), Duration.ofHours(24));
            return system.bean(TransactionPort.class).inTransaction(() -> approvals().insertRequest(old));
        }
        boolean own = action == Action.APPROVE_OWN_REQUEST && role == Role.OPERATOR;
        return system.bean(RequestApprovalUseCase.class).request(RequestApprovalCommand.revoke(
                new Actor.Staff(own ? OPERATOR : REQUESTER, StaffRole.OPERATOR), serial, RevocationReason.KEY_COMPROMISE,
                "matrix", (own ? OPERATOR_PASSWORD : REQUESTER_PASSWORD).toCharArray()));
    }

    private static Optional<LoginAccount> account(String loginId) {
        return system.bean(LoadAccountPort.class).loadAccount(new LoginId(loginId));
    }

    private static CertificateStatus certificateStatus(String serialHex) {
        return system.bean(LoadCertificatePort.class).loadCertificate(SerialNumber.ofHex(serialHex)).orElseThrow().storedStatus();
    }

    private static Optional<StaffAccount> staffAccount(String username) {
        return system.bean(StaffAccountPort.class).loadStaff(username);
    }

    /** A staff account (an operator) for one row, in the state the action needs: disabled to enable, locked to unlock. */
    private static StaffAccount targetStaff(String username, Action action) {
        createStaff(username, StaffRole.OPERATOR, "Target-Pass-1");
        StaffAccountPort staff = system.bean(StaffAccountPort.class);
        if (action == Action.ENABLE_STAFF || action == Action.UNLOCK_STAFF) {
            system.bean(TransactionPort.class).inTransaction(() -> {
                StaffAccount stored = staff.loadStaff(username).orElseThrow();
                staff.updateStaff(action == Action.ENABLE_STAFF ? stored.disable()
                        : stored.withFailedPassword(new certrenewal.domain.administration.StaffLockout(1,
                                Duration.ofHours(1), Duration.ofHours(2)), java.time.Instant.now()));
            });
        }
        return staff.loadStaff(username).orElseThrow();
    }
}
