package certrenewal.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.adapters.pki.ClientCredentials;
import certrenewal.application.port.in.IssuedCertificate;
import certrenewal.application.port.in.admin.RevokeCertificateCommand;
import certrenewal.application.port.in.admin.RevokeCertificateUseCase;
import certrenewal.application.port.out.LoadAccountPort;
import certrenewal.application.port.out.PasswordHasherPort;
import certrenewal.application.port.out.SaveAccountPort;
import certrenewal.application.port.out.StaffAccountPort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.IdKind;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.StaffAccount;
import certrenewal.domain.administration.StaffRole;
import certrenewal.domain.certificate.RevocationReason;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sessions follow the state of their ID, its certificate and the staff account, over HTTP against
 * the running system: what the bank changes ends the session at its next request, the login says
 * why, and nothing more is done on it; and every session has an absolute lifetime from its login.
 */
class SessionStateHttpTest {
    private static final ContractNumber CONTRACT = new ContractNumber("0000001");
    private static final String LOGIN_PASSWORD = "demo-password";
    private static final String STAFF_PASSWORD = "Staff-Pass-1";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final AtomicInteger COUNTER = new AtomicInteger();

    @TempDir
    static Path dataDir;
    static EndToEnd system;

    @BeforeAll
    static void start() {
        system = EndToEnd.start(dataDir);
        createStaff("session-bank", StaffRole.OPERATOR);
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void anAdministratorWhoseCertificateTheBankRevokedIsSentToTheLoginAndRegistersNobody() throws Exception {
        Customer admin = signedInAdministrator();
        String csrf = csrfOf(admin.get("/admin/users/new"));

        system.bean(RevokeCertificateUseCase.class).revoke(new RevokeCertificateCommand(
                new Actor.Staff("session-bank", StaffRole.OPERATOR), admin.serial, RevocationReason.KEY_COMPROMISE,
                STAFF_PASSWORD.toCharArray()));

        HttpResponse<String> next = admin.post("/admin/users", "_csrf", csrf, "loginId", "after-revocation",
                "password", "Initial-Pass-1", "passwordConfirm", "Initial-Pass-1", "ownPassword", LOGIN_PASSWORD,
                "email", "after-revocation@example.jp");
        assertEquals(303, next.statusCode(), next.body());
        assertEquals("/login?ended=certificate-revoked", location(next));
        assertTrue(admin.get(location(next)).body().contains("証明書が失効したため、セッションを終了しました。"));
        assertTrue(system.bean(LoadAccountPort.class).loadAccount(new LoginId("after-revocation")).isEmpty(),
                "no user ID registered");
        assertEquals("/login?expired=1", location(admin.get("/admin/users")), "the session is gone");
    }

    @Test
    void changingTheLoginPasswordEndsTheIdsOtherSessionsAndKeepsTheOneThatChangedIt() throws Exception {
        Customer other = signedInAdministrator();
        Customer changing = other.anotherSession();
        String otherCsrf = csrfOf(other.get("/admin/users/new"));

        HttpResponse<String> changed = changing.post("/password", "_csrf", csrfOf(changing.get("/password")),
                "currentPassword", LOGIN_PASSWORD, "newPassword", "Autumn-2026-new", "newPasswordAgain", "Autumn-2026-new");

        assertEquals(303, changed.statusCode(), changed.body());
        assertEquals("/password?changed=1", location(changed));
        assertEquals(200, changing.get("/main").statusCode(), "the session that changed it stays signed in");
        HttpResponse<String> next = other.post("/admin/users", "_csrf", otherCsrf, "loginId", "after-password-change",
                "password", "Initial-Pass-1", "passwordConfirm", "Initial-Pass-1", "ownPassword", LOGIN_PASSWORD);
        assertEquals("/login?ended=password-changed", location(next));
        assertTrue(other.get(location(next)).body().contains("ログインパスワードが変更されたため、セッションを終了しました。"));
        assertTrue(system.bean(LoadAccountPort.class).loadAccount(new LoginId("after-password-change")).isEmpty(),
                "nothing done on the ended session");
        assertEquals("/login?expired=1", location(other.get("/main")), "the other session is gone");
        // the new password logs in; the old one no longer does
        Customer third = new Customer(other.tls, other.loginId, other.serial);
        HttpResponse<String> oldPassword = third.post("/login", "_csrf", csrfOf(third.get("/login")),
                "loginId", other.loginId.value(), "password", LOGIN_PASSWORD);
        assertEquals(401, oldPassword.statusCode());
        HttpResponse<String> newPassword = third.post("/login", "_csrf", csrfOf(third.get("/login")),
                "loginId", other.loginId.value(), "password", "Autumn-2026-new");
        assertEquals(303, newPassword.statusCode(), newPassword.body());
    }

    @Test
    void anAdministratorWhoseIdIsLockedIsSentToTheLogin() throws Exception {
        Customer admin = signedInAdministrator();
        assertEquals(200, admin.get("/admin/users").statusCode());
        system.bean(TransactionPort.class).inTransaction(() -> {
            LoginAccount account = system.bean(LoadAccountPort.class).loadAccount(admin.loginId).orElseThrow();
            system.bean(SaveAccountPort.class).updateAccount(account.recordFailedPassword(1));
        });

        HttpResponse<String> next = admin.get("/admin/users", "en");
        assertEquals("/login?ended=locked", location(next));
        assertTrue(admin.get(location(next), "en").body().contains("Your session has ended because your ID was locked."));
    }

    @Test
    void aStaffMemberLockedOrGivenAnotherRoleIsSentToTheLogin() throws Exception {
        Staff locked = signedInStaff(StaffRole.OPERATOR);
        Staff changed = signedInStaff(StaffRole.OPERATOR);
        update(locked.username, a -> new StaffAccount(a.username(), a.role(), a.passwordHash(), 0,
                system.bean(MutableClock.class).instant().plus(Duration.ofMinutes(15)), 1, a.version()));
        update(changed.username, a -> new StaffAccount(a.username(), StaffRole.AUDITOR, a.passwordHash(),
                a.failedPasswordAttempts(), a.lockedUntil(), a.lockouts(), a.version()));

        HttpResponse<String> lockedNext = locked.get("/console");
        assertEquals("/console/login?ended=locked", location(lockedNext));
        assertTrue(locked.get(location(lockedNext)).body().contains("スタッフアカウントがロックされたため"));
        HttpResponse<String> changedNext = changed.get("/console/search");
        assertEquals("/console/login?ended=role-changed", location(changedNext));
        assertTrue(changed.get(location(changedNext)).body().contains("権限が変更されたため"));
    }

    @Test
    void aSessionEndsAtItsAbsoluteLifetimeHoweverBusy() throws Exception {
        MutableClock clock = system.bean(MutableClock.class);
        Customer admin = signedInAdministrator();
        Staff staff = signedInStaff(StaffRole.OPERATOR);
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofMinutes(11));
            assertEquals(200, admin.get("/admin/users").statusCode(), "55 minutes of use: still signed in");
        }
        clock.advance(Duration.ofMinutes(5));
        HttpResponse<String> customerNext = admin.get("/admin/users");
        assertEquals("/login?ended=lifetime-over", location(customerNext));

        clock.advance(Duration.ofHours(6).plusMinutes(50));
        assertEquals(200, staff.get("/console").statusCode(), "7 h 50 min after its login");
        clock.advance(Duration.ofMinutes(10));
        assertEquals("/console/login?ended=lifetime-over", location(staff.get("/console")));
    }

    @Test
    void anonymousFormsKeepNoServerSideSession() throws Exception {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {TRUST_ANY}, null);
        for (String path : List.of("/login", "/pickup", "/console/login")) {
            for (int i = 0; i < 200; i++) {
                // a new visitor each time, as a flood of clients without cookies
                HttpResponse<String> page = new Client(tls).get(path);
                assertEquals(200, page.statusCode(), path);
                assertTrue(page.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("SESSION=")),
                        path + " made a session: " + page.headers().allValues("Set-Cookie"));
            }
        }
        // the forms still work without one
        signedInAdministrator();
        signedInStaff(StaffRole.AUDITOR);
    }

    @Test
    void theEmbeddedDefaultKeepsSessionsInThisServersMemoryWithoutRedis() throws Exception {
        signedInAdministrator();

        assertTrue(system.bean(io.micronaut.session.SessionStore.class) instanceof io.micronaut.session.InMemorySessionStore,
                system.bean(io.micronaut.session.SessionStore.class).getClass().getName());
        assertTrue(system.context.getActiveBeanRegistrations(io.lettuce.core.AbstractRedisClient.class).isEmpty(),
                "no Redis client was made");
    }

    // ---- customers and staff over HTTP ----------------------------------------------------------

    /** A browser: its own TLS client certificate (or none) and cookies, no redirect followed. */
    static class Client {
        final HttpClient http;

        Client(SSLContext tls) {
            http = HttpClient.newBuilder().sslContext(tls).cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
        }

        HttpResponse<String> get(String path) throws Exception {
            return get(path, "ja");
        }

        HttpResponse<String> get(String path, String language) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(system.url(path))).header("Accept-Language", language)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String... namesAndValues) throws Exception {
            Map<String, String> form = new LinkedHashMap<>();
            for (int i = 0; i < namesAndValues.length; i += 2) {
                form.put(namesAndValues[i], namesAndValues[i + 1]);
            }
            String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return http.send(HttpRequest.newBuilder(URI.create(system.url(path))).header("Accept-Language", "ja")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    static final class Customer extends Client {
        final LoginId loginId;
        final certrenewal.domain.certificate.SerialNumber serial;
        final SSLContext tls;

        Customer(SSLContext tls, LoginId loginId, certrenewal.domain.certificate.SerialNumber serial) {
            super(tls);
            this.loginId = loginId;
            this.serial = serial;
            this.tls = tls;
        }

        /** Another browser of the same person (same certificate, cookies of its own), logged in too. */
        Customer anotherSession() throws Exception {
            return logIn(new Customer(tls, loginId, serial));
        }
    }

    static final class Staff extends Client {
        final String username;

        Staff(SSLContext tls, String username) {
            super(tls);
            this.username = username;
        }
    }

    /** A new administrator ID of the demo contract, with a certificate of its own, logged in. */
    private static Customer signedInAdministrator() throws Exception {
        LoginId loginId = new LoginId("session-adm-" + COUNTER.incrementAndGet());
        TestIds ids = new TestIds(system);
        ids.id(CONTRACT, loginId, IdKind.ADMINISTRATOR, LOGIN_PASSWORD);
        KeyPair keys = ClientCredentials.generateEcP256();
        IssuedCertificate issued = ids.firstCertificate(loginId,
                ClientCredentials.certificationRequest(keys, loginId.value()), Duration.ofDays(300));
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(ClientCredentials.parse(issued.certificate().der()));
        issued.caChain().forEach(der -> chain.add(ClientCredentials.parse(der)));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("client", keys.getPrivate(), "p".toCharArray(), chain.toArray(X509Certificate[]::new));
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(store, "p".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), new TrustManager[] {TRUST_ANY}, null);
        return logIn(new Customer(tls, loginId, issued.certificate().serial()));
    }

    private static Customer logIn(Customer customer) throws Exception {
        HttpResponse<String> login = customer.post("/login", "_csrf", csrfOf(customer.get("/login")),
                "loginId", customer.loginId.value(), "password", LOGIN_PASSWORD);
        assertEquals(303, login.statusCode(), login.body());
        assertEquals(200, customer.get("/main").statusCode());
        return customer;
    }

    private static Staff signedInStaff(StaffRole role) throws Exception {
        String username = "session-staff-" + COUNTER.incrementAndGet();
        createStaff(username, role);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {TRUST_ANY}, null);
        Staff staff = new Staff(tls, username);
        HttpResponse<String> login = staff.post("/console/login", "_csrf", csrfOf(staff.get("/console/login")),
                "username", username, "password", STAFF_PASSWORD);
        assertEquals("/console", location(login), login.body());
        assertEquals(200, staff.get("/console").statusCode());
        return staff;
    }

    private static void createStaff(String username, StaffRole role) {
        String hash = system.bean(PasswordHasherPort.class).hash(STAFF_PASSWORD.toCharArray());
        system.bean(TransactionPort.class).inTransaction(() ->
                system.bean(StaffAccountPort.class).insertStaff(StaffAccount.create(username, role, hash)));
    }

    private static void update(String username, java.util.function.UnaryOperator<StaffAccount> change) {
        system.bean(TransactionPort.class).inTransaction(() -> {
            StaffAccountPort port = system.bean(StaffAccountPort.class);
            port.updateStaff(change.apply(port.loadStaff(username).orElseThrow()));
        });
    }

    private static String csrfOf(HttpResponse<String> page) {
        Matcher m = CSRF.matcher(page.body());
        assertTrue(m.find(), "a CSRF token on the page: " + page.statusCode() + " " + page.body());
        return m.group(1);
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("(none: " + response.statusCode() + ")");
    }

    private static final X509TrustManager TRUST_ANY = new X509TrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    };
}
