package certrenewal.adapters.web.admin;

import certrenewal.adapters.web.OfferedActions;
import certrenewal.adapters.web.RefusalHandler;
import certrenewal.adapters.web.RevocationReasons;
import certrenewal.adapters.web.customer.CustomerGate;
import certrenewal.adapters.web.customer.CustomerSessions;
import certrenewal.adapters.web.customer.Pages;
import certrenewal.adapters.web.customer.SignedIn;
import certrenewal.application.port.in.AuthenticatedId;
import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.in.admin.ChangeIdContactCommand;
import certrenewal.application.port.in.admin.ChangeIdContactUseCase;
import certrenewal.application.port.in.admin.IssuancePassword;
import certrenewal.application.port.in.admin.ListContractIdsUseCase;
import certrenewal.application.port.in.admin.RegisterUserIdCommand;
import certrenewal.application.port.in.admin.RegisterUserIdUseCase;
import certrenewal.application.port.in.admin.ReissueCertificateCommand;
import certrenewal.application.port.in.admin.ReissueCertificateUseCase;
import certrenewal.application.port.in.admin.RevokeCertificateCommand;
import certrenewal.application.port.in.admin.RevokeCertificateUseCase;
import certrenewal.application.port.in.admin.UnlockLoginIdUseCase;
import certrenewal.application.readmodel.LoginIdSummary;
import certrenewal.domain.Rejection;
import certrenewal.domain.account.AccountStatus;
import certrenewal.domain.account.IdKind;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.notice.ContactDetails;
import certrenewal.domain.notice.EmailAddress;
import certrenewal.domain.notice.NoticeLanguage;
import certrenewal.domain.account.LoginPassword;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.AdministrativeAction;
import certrenewal.domain.certificate.RevocationReason;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.session.Session;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * 利用者管理 of the customer web: a signed-in 管理者ID lists its contract's IDs, registers user IDs,
 * re-issues, revokes and unlocks their certificates, changes their contact addresses. A 利用者ID gets 403 on every one of these
 * screens. The one-time issuance password of a registration or a re-issue is rendered in the
 * reply to the POST itself (never in a URL, never stored for a later GET; the SecurityHeaders
 * filter marks the reply no-store).
 */
@Controller("/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
final class AdministrationController {
    private static final String FLASH_NOTICE = "admin.notice";
    private static final String REVOKED_LOGIN_ID = "admin.revoked.loginId";
    private static final String REVOKED_SERIAL = "admin.revoked.serial";
    private static final String REVOKED_REASON = "admin.revoked.reason";
    private static final String REVOKED_AT = "admin.revoked.at";

    private final ListContractIdsUseCase list;
    private final RegisterUserIdUseCase register;
    private final ReissueCertificateUseCase reissue;
    private final RevokeCertificateUseCase revoke;
    private final UnlockLoginIdUseCase unlock;
    private final ChangeIdContactUseCase contacts;
    private final Pages pages;
    private final Clock clock;
    private final CustomerSessions customers;

    AdministrationController(ListContractIdsUseCase list, RegisterUserIdUseCase register, ReissueCertificateUseCase reissue,
                             RevokeCertificateUseCase revoke, UnlockLoginIdUseCase unlock,
                             ChangeIdContactUseCase contacts, Pages pages,
                             @Nullable Clock clock, CustomerSessions customers) {
        this.contacts = contacts;
        this.customers = customers;
        this.list = list;
        this.register = register;
        this.reissue = reissue;
        this.revoke = revoke;
        this.unlock = unlock;
        this.pages = pages;
        this.clock = clock == null ? Clock.systemUTC() : clock;
    }

    // ----- 利用者管理 -----

    @Get("/users")
    HttpResponse<?> users(HttpRequest<?> request, @Nullable Session session) {
        return asAdministrator(request, session, admin -> {
            Optional<String> notice = session.get(FLASH_NOTICE, String.class);
            session.remove(FLASH_NOTICE);
            return usersPage(request, session, admin, HttpStatus.OK, null, notice.orElse(null));
        });
    }

    @Get("/users/{loginId}/unlock")
    HttpResponse<?> unlockForm(HttpRequest<?> request, @Nullable Session session, @PathVariable String loginId) {
        return asAdministrator(request, session, admin -> onOwnUser(request, session, admin, loginId,
                target -> unlockPage(request, session, target, HttpStatus.OK, null)));
    }

    @Post(value = "/users/{loginId}/unlock", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> unlock(HttpRequest<?> request, @Nullable Session session, @PathVariable String loginId,
                           @Body Map<String, String> form) {
        return asAdministrator(request, session, admin -> onOwnUser(request, session, admin, loginId, target -> {
            if (!SignedIn.csrfMatches(session, form.get("_csrf"))) {
                return unlockPage(request, session, target, HttpStatus.FORBIDDEN, pages.text(request, "session.expired"));
            }
            char[] confirmation = form.getOrDefault("password", "").toCharArray();
            try {
                unlock.unlock(admin, target.loginId(), confirmation);
                session.put(FLASH_NOTICE, pages.text(request, "admin.unlocked", target.loginId().value()));
                return Pages.redirect("/admin/users");
            } catch (RequestRefusedException e) {
                return unlockPage(request, session, target, RefusalHandler.statusOf(e.rejection().code()),
                        pages.refusal(request, e.rejection()));
            } finally {
                Arrays.fill(confirmation, '\0');
            }
        }));
    }

    // ----- 連絡先の変更 -----

    @Get("/users/{loginId}/contact")
    HttpResponse<?> contactForm(HttpRequest<?> request, @Nullable Session session, @PathVariable String loginId) {
        return asAdministrator(request, session, admin -> onOwnUser(request, session, admin, loginId, target -> {
            Optional<ContactDetails> current = contacts.current(admin, target.loginId());
            return contactPage(request, session, target, current.map(c -> c.address().value()).orElse(""),
                    current.map(ContactDetails::language).orElse(NoticeLanguage.DEFAULT).tag(), HttpStatus.OK, null);
        }));
    }

    @Post(value = "/users/{loginId}/contact", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> changeContact(HttpRequest<?> request, @Nullable Session session, @PathVariable String loginId,
                                  @Body Map<String, String> form) {
        return asAdministrator(request, session, admin -> onOwnUser(request, session, admin, loginId, target -> {
            String typed = form.getOrDefault("email", "").strip();
            String language = NoticeLanguage.parse(form.get("language")).orElse(NoticeLanguage.DEFAULT).tag();
            if (!SignedIn.csrfMatches(session, form.get("_csrf"))) {
                return contactPage(request, session, target, typed, language, HttpStatus.FORBIDDEN,
                        pages.text(request, "session.expired"));
            }
            Optional<EmailAddress> email = EmailAddress.parse(typed);
            if (email.isEmpty()) {
                return contactPage(request, session, target, typed, language, HttpStatus.BAD_REQUEST,
                        pages.text(request, "admin.register.badEmail"));
            }
            char[] confirmation = form.getOrDefault("password", "").toCharArray();
            try {
                contacts.change(new ChangeIdContactCommand(admin, target.loginId(), email.get(),
                        NoticeLanguage.parse(language).orElseThrow(), confirmation));
                session.put(FLASH_NOTICE, pages.text(request, "admin.contactChanged", target.loginId().value()));
                return Pages.redirect("/admin/users");
            } catch (RequestRefusedException e) {
                return contactPage(request, session, target, typed, language, RefusalHandler.statusOf(e.rejection().code()),
                        pages.refusal(request, e.rejection()));
            } finally {
                Arrays.fill(confirmation, '\0');
            }
        }));
    }

    // ----- 利用者登録 -----

    @Get("/users/new")
    HttpResponse<?> registerForm(HttpRequest<?> request, @Nullable Session session) {
        return asAdministrator(request, session, admin -> registerPage(request, session, null, null, null, HttpStatus.OK,
                null));
    }

    @Post(value = "/users", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> register(HttpRequest<?> request, @Nullable Session session, @Body Map<String, String> form) {
        return asAdministrator(request, session, admin -> {
            String typedId = form.getOrDefault("loginId", "").strip();
            String typedEmail = form.getOrDefault("email", "").strip();
            if (!SignedIn.csrfMatches(session, form.get("_csrf"))) {
                return registerPage(request, session, typedId, typedEmail, form.get("language"), HttpStatus.FORBIDDEN, pages.text(request, "session.expired"));
            }
            Optional<LoginId> loginId = LoginId.parse(typedId);
            if (loginId.isEmpty()) {
                return registerPage(request, session, typedId, typedEmail, form.get("language"), HttpStatus.BAD_REQUEST,
                        pages.text(request, "admin.register.badLoginId"));
            }
            Optional<EmailAddress> email = EmailAddress.parse(form.get("email"));
            NoticeLanguage language = NoticeLanguage.parse(form.get("language")).orElse(NoticeLanguage.DEFAULT);
            if (email.isEmpty()) {
                return registerPage(request, session, typedId, typedEmail, form.get("language"), HttpStatus.BAD_REQUEST,
                        pages.text(request, "admin.register.badEmail"));
            }
            char[] password = form.getOrDefault("password", "").toCharArray();
            char[] confirmation = form.getOrDefault("passwordConfirm", "").toCharArray();
            char[] ownPassword = form.getOrDefault("ownPassword", "").toCharArray();
            try {
                // the bank's rule for login passwords is the domain's; this screen only words its refusal
                Optional<Rejection> problem = LoginPassword.problemWith(password);
                if (problem.isPresent()) {
                    return registerPage(request, session, typedId, typedEmail, form.get("language"), RefusalHandler.statusOf(problem.get().code()),
                            pages.refusal(request, problem.get()));
                }
                if (!Arrays.equals(password, confirmation)) {
                    return registerPage(request, session, typedId, typedEmail, form.get("language"), HttpStatus.BAD_REQUEST,
                            pages.text(request, "admin.register.mismatch"));
                }
                LoginPassword initial = new LoginPassword(password);
                try {
                    IssuancePassword issued = register.register(
                            new RegisterUserIdCommand(admin, admin.contract(), loginId.get(), initial, ownPassword,
                                    email.get(), language));
                    return issuancePasswordPage(request, session, loginId.get(), issued, "admin.issued.registered");
                } catch (RequestRefusedException e) {
                    return registerPage(request, session, typedId, typedEmail, form.get("language"), RefusalHandler.statusOf(e.rejection().code()),
                            pages.refusal(request, e.rejection()));
                } finally {
                    initial.wipe();
                }
            } finally {
                Arrays.fill(password, '\0');
                Arrays.fill(confirmation, '\0');
                Arrays.fill(ownPassword, '\0');
            }
        });
    }

    // ----- 再発行 -----

    @Get("/users/{loginId}/reissue")
    HttpResponse<?> reissueForm(HttpRequest<?> request, @Nullable Session session, @PathVariable String loginId) {
        return asAdministrator(request, session, admin -> onOwnUser(request, session, admin, loginId,
                target -> reissuePage(request, session, target, HttpStatus.OK, null)));
    }

    @Post(value = "/users/{loginId}/reissue", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> reissue(HttpRequest<?> request, @Nullable Session session, @PathVariable String loginId,
                            @Body Map<String, String> form) {
        return asAdministrator(request, session, admin -> onOwnUser(request, session, admin, loginId, target -> {
            if (!SignedIn.csrfMatches(session, form.get("_csrf"))) {
                return reissuePage(request, session, target, HttpStatus.FORBIDDEN, pages.text(request, "session.expired"));
            }
            char[] confirmation = form.getOrDefault("password", "").toCharArray();
            try {
                IssuancePassword issued = reissue.reissue(new ReissueCertificateCommand(admin, target.loginId(), confirmation));
                return issuancePasswordPage(request, session, target.loginId(), issued, "admin.issued.reissued");
            } catch (RequestRefusedException e) {
                return reissuePage(request, session, target, RefusalHandler.statusOf(e.rejection().code()),
                        pages.refusal(request, e.rejection()));
            } finally {
                Arrays.fill(confirmation, '\0');
            }
        }));
    }

    // ----- 失効 -----

    @Get("/revoke")
    HttpResponse<?> revokeForm(HttpRequest<?> request, @Nullable Session session, @Nullable @QueryValue String loginId) {
        return asAdministrator(request, session, admin ->
                revokePage(request, session, admin, loginId, null, HttpStatus.OK, null));
    }

    @Post(value = "/revoke", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> revoke(HttpRequest<?> request, @Nullable Session session, @Body Map<String, String> form) {
        return asAdministrator(request, session, admin -> {
            String typedId = form.get("loginId");
            String typedReason = form.get("reason");
            if (!SignedIn.csrfMatches(session, form.get("_csrf"))) {
                return revokePage(request, session, admin, typedId, typedReason, HttpStatus.FORBIDDEN,
                        pages.text(request, "session.expired"));
            }
            Optional<RevocationReason> reason = RevocationReasons.chosen(typedReason);
            if (reason.isEmpty()) {
                return revokePage(request, session, admin, typedId, null, HttpStatus.BAD_REQUEST,
                        pages.text(request, "admin.revoke.chooseReason"));
            }
            char[] confirmation = form.getOrDefault("password", "").toCharArray();
            try {
                LoginIdSummary target = ownUser(admin, typedId == null ? "" : typedId);
                // the form offers only IDs with a certificate in force: any other has none to revoke
                OfferedActions.refusalOn(admin, AdministrativeAction.REVOKE_CERTIFICATE, admin.contract(), target)
                        .ifPresent(refusal -> {
                            throw new RequestRefusedException(refusal);
                        });
                revoke.revoke(new RevokeCertificateCommand(admin, target.serial(), reason.get(), confirmation));
                session.put(REVOKED_LOGIN_ID, target.loginId().value());
                session.put(REVOKED_SERIAL, target.serial().hex());
                session.put(REVOKED_REASON, reason.get().name());
                session.put(REVOKED_AT, clock.instant().toString());
                return Pages.redirect("/admin/revoke/result");
            } catch (RequestRefusedException e) {
                return revokePage(request, session, admin, typedId, typedReason, RefusalHandler.statusOf(e.rejection().code()),
                        pages.refusal(request, e.rejection()));
            } finally {
                Arrays.fill(confirmation, '\0');
            }
        });
    }

    @Get("/revoke/result")
    HttpResponse<?> revokeResult(HttpRequest<?> request, @Nullable Session session) {
        return asAdministrator(request, session, admin -> {
            Optional<String> loginId = session.get(REVOKED_LOGIN_ID, String.class);
            if (loginId.isEmpty()) {
                return Pages.redirect("/admin/users");
            }
            Map<String, Object> model = pages.model(request, session);
            Instant at = Instant.parse(session.get(REVOKED_AT, String.class).orElseThrow());
            model.put("loginId", loginId.get());
            model.put("serial", session.get(REVOKED_SERIAL, String.class).orElseThrow());
            model.put("reason", pages.text(request, "admin.reason." + session.get(REVOKED_REASON, String.class).orElseThrow()));
            model.put("revokedAt", at.toString());
            model.put("revokedAtText", pages.time(at));
            return HttpResponse.ok(Pages.view("admin/revoked", model));
        });
    }

    // ----- shared -----

    /**
     * Runs {@code action} for the signed-in 管理者ID, acting for its own contract; the login screen
     * without a session, 403 for a 利用者ID.
     */
    private HttpResponse<?> asAdministrator(HttpRequest<?> request, Session session,
                                            Function<Actor.CustomerAdministrator, HttpResponse<?>> action) {
        Optional<AuthenticatedId> who = customers.of(session, request);
        if (who.isEmpty()) {
            return CustomerGate.toLogin(request);
        }
        if (who.get().kind() != IdKind.ADMINISTRATOR) {
            Map<String, Object> model = pages.model(request, session);
            model.put("alert", pages.refusal(request, Rejection.of(Rejection.Code.NOT_PERMITTED)));
            return HttpResponse.status(HttpStatus.FORBIDDEN).body(Pages.view("admin/forbidden", model));
        }
        try {
            return action.apply(new Actor.CustomerAdministrator(who.get().loginId(), who.get().contract()));
        } catch (RequestRefusedException e) {
            Map<String, Object> model = pages.model(request, session);
            model.put("alert", pages.refusal(request, e.rejection()));
            return HttpResponse.status(RefusalHandler.statusOf(e.rejection().code())).body(Pages.view("admin/forbidden", model));
        }
    }

    /** The contract's IDs, as the use case lists them for this administrator. */
    private List<LoginIdSummary> contractIds(Actor.CustomerAdministrator admin) {
        return list.list(admin, admin.contract());
    }

    /** A user ID of the administrator's own contract, found in its own list (so no other contract's ID is ever shown). */
    /** {@code page} for one of the administrator's own user IDs; any other ID: the user list saying why. */
    private HttpResponse<?> onOwnUser(HttpRequest<?> request, Session session, Actor.CustomerAdministrator admin,
                                      String loginId, Function<LoginIdSummary, HttpResponse<?>> page) {
        LoginIdSummary target;
        try {
            target = ownUser(admin, loginId);
        } catch (RequestRefusedException e) {
            return usersPage(request, session, admin, RefusalHandler.statusOf(e.rejection().code()),
                    pages.refusal(request, e.rejection()), null);
        }
        return page.apply(target);
    }

    private LoginIdSummary ownUser(Actor.CustomerAdministrator admin, String loginId) {
        return contractIds(admin).stream()
                .filter(s -> s.kind() == IdKind.USER && s.loginId().value().equals(loginId))
                .findFirst()
                .orElseThrow(() -> new RequestRefusedException(Rejection.of(Rejection.Code.UNKNOWN_LOGIN_ID)));
    }

    private HttpResponse<?> usersPage(HttpRequest<?> request, Session session, Actor.CustomerAdministrator admin,
                                      HttpStatus status, String alert, String notice) {
        Map<String, Object> model = pages.model(request, session);
        model.put("rows", contractIds(admin).stream().map(s -> row(request, admin, s)).toList());
        model.put("contract", admin.contract().value());
        model.put("self", admin.loginId().value());
        model.put("alert", alert);
        model.put("notice", notice);
        return HttpResponse.status(status).body(Pages.view("admin/users", model));
    }

    private Map<String, Object> row(HttpRequest<?> request, Actor.CustomerAdministrator admin, LoginIdSummary s) {
        Map<String, Object> row = new HashMap<>();
        boolean user = s.kind() == IdKind.USER;
        row.put("loginId", s.loginId().value());
        row.put("kind", pages.text(request, "admin.kind." + s.kind().name()));
        row.put("certificate", s.certificateStatus() == null
                ? pages.text(request, "admin.certificate.none")
                : pages.text(request, "status." + s.certificateStatus().name()));
        row.put("serial", s.serial() == null ? null : s.serial().hex());
        row.put("notAfter", s.notAfter() == null ? null : s.notAfter().toString());
        row.put("notAfterText", s.notAfter() == null ? null : pages.time(s.notAfter()));
        row.put("lock", pages.text(request, "admin.account." + s.status().name()));
        row.put("locked", s.status() == AccountStatus.LOCKED);
        row.put("pending", pages.text(request, s.issuancePending() ? "admin.pending.yes" : "admin.pending.no"));
        row.put("user", user);
        row.put("canReissue", OfferedActions.offered(admin, AdministrativeAction.REISSUE_CERTIFICATE, admin.contract(), s));
        row.put("canRevoke", OfferedActions.offered(admin, AdministrativeAction.REVOKE_CERTIFICATE, admin.contract(), s));
        row.put("canUnlock", OfferedActions.offered(admin, AdministrativeAction.UNLOCK_ID, admin.contract(), s));
        row.put("canChangeContact", OfferedActions.offered(admin, AdministrativeAction.CHANGE_CONTACT, admin.contract(), s));
        return row;
    }

    private HttpResponse<?> registerPage(HttpRequest<?> request, Session session, String typedId, String typedEmail,
                                         String language, HttpStatus status, String alert) {
        Map<String, Object> model = pages.model(request, session);
        model.put("passwordMinLength", LoginPassword.MIN_LENGTH);
        model.put("loginId", typedId);
        model.put("email", typedEmail);
        model.put("noticeLanguage", NoticeLanguage.parse(language).orElse(NoticeLanguage.DEFAULT).tag());
        model.put("alert", alert);
        return HttpResponse.status(status).body(Pages.view("admin/register", model));
    }

    private HttpResponse<?> unlockPage(HttpRequest<?> request, Session session, LoginIdSummary target,
                                       HttpStatus status, String alert) {
        Map<String, Object> model = pages.model(request, session);
        model.put("loginId", target.loginId().value());
        model.put("alert", alert);
        return HttpResponse.status(status).body(Pages.view("admin/unlock", model));
    }

    private HttpResponse<?> contactPage(HttpRequest<?> request, Session session, LoginIdSummary target, String email,
                                        String language, HttpStatus status, String alert) {
        Map<String, Object> model = pages.model(request, session);
        model.put("loginId", target.loginId().value());
        model.put("email", email);
        model.put("noticeLanguage", language);
        model.put("alert", alert);
        return HttpResponse.status(status).body(Pages.view("admin/contact", model));
    }

    private HttpResponse<?> reissuePage(HttpRequest<?> request, Session session, LoginIdSummary target,
                                        HttpStatus status, String alert) {
        Map<String, Object> model = pages.model(request, session);
        model.put("loginId", target.loginId().value());
        model.put("serial", target.serial() == null ? null : target.serial().hex());
        model.put("alert", alert);
        return HttpResponse.status(status).body(Pages.view("admin/reissue", model));
    }

    /** The one-time issuance password, shown in this reply only. */
    private HttpResponse<?> issuancePasswordPage(HttpRequest<?> request, Session session, LoginId loginId,
                                                 IssuancePassword issued, String whatHappened) {
        Map<String, Object> model = pages.model(request, session);
        model.put("loginId", loginId.value());
        model.put("what", pages.text(request, whatHappened, loginId.value()));
        model.put("issuancePassword", issued.password());
        model.put("deadline", issued.deadline().toString());
        model.put("deadlineText", pages.time(issued.deadline()));
        return HttpResponse.ok(Pages.view("admin/issued", model));
    }

    private HttpResponse<?> revokePage(HttpRequest<?> request, Session session, Actor.CustomerAdministrator admin,
                                       String selectedId, String selectedReason, HttpStatus status, String alert) {
        Map<String, Object> model = pages.model(request, session);
        List<Map<String, Object>> targets = contractIds(admin).stream()
                .filter(s -> OfferedActions.offered(admin, AdministrativeAction.REVOKE_CERTIFICATE, admin.contract(), s))
                .map(s -> Map.<String, Object>of("loginId", s.loginId().value(), "serial", s.serial().hex(),
                        "selected", s.loginId().value().equals(selectedId)))
                .toList();
        model.put("targets", targets);
        model.put("reasons", RevocationReasons.options(selectedReason, r -> pages.text(request, "admin.reason." + r.name())));
        model.put("alert", alert);
        return HttpResponse.status(status).body(Pages.view("admin/revoke", model));
    }
}
