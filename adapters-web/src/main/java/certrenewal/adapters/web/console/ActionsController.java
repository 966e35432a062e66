package certrenewal.adapters.web.console;

import static certrenewal.adapters.web.console.ConsolePages.row;

import certrenewal.adapters.web.OfferedActions;
import certrenewal.adapters.web.RefusalHandler;
import certrenewal.adapters.web.RevocationReasons;
import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.in.admin.IssuancePassword;
import certrenewal.application.port.in.admin.OpenContractCommand;
import certrenewal.application.port.in.admin.OpenContractUseCase;
import certrenewal.application.port.in.admin.ReissueCertificateCommand;
import certrenewal.application.port.in.admin.ReissueCertificateUseCase;
import certrenewal.application.port.in.admin.RevokeCertificateCommand;
import certrenewal.application.port.in.admin.RevokeCertificateUseCase;
import certrenewal.application.port.in.admin.UnlockLoginIdUseCase;
import certrenewal.application.port.in.console.RequestApprovalCommand;
import certrenewal.application.port.in.console.RequestApprovalUseCase;
import certrenewal.application.port.in.console.SearchRecordsUseCase;
import certrenewal.application.readmodel.CertificateSearch;
import certrenewal.application.readmodel.CertificateSummary;
import certrenewal.application.readmodel.LoginIdDetails;
import certrenewal.domain.Rejection;
import certrenewal.domain.account.Contract;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.IdKind;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.account.LoginPassword;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.AdministrativeAction;
import certrenewal.domain.administration.ApprovalRequest;
import certrenewal.domain.administration.DualControlAction;
import certrenewal.domain.certificate.RevocationReason;
import certrenewal.domain.certificate.SerialNumber;
import certrenewal.domain.notice.EmailAddress;
import certrenewal.domain.notice.NoticeLanguage;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.session.Session;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The operators' actions, each behind a confirmation step and audited by its use case: revoke
 * any certificate (a confirmation page asking for a reason and the operator's own password),
 * re-issue and unlock an administrator ID (confirmation pages), register a contract with its
 * administrator ID (a form whose entries a dialog shows for confirmation). An issuance password
 * is shown once, on the reply to the action, and kept nowhere.
 */
@Controller("/console")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ActionsController {
    static final String CONFIRMED = "yes";

    private final SearchRecordsUseCase queries;
    private final RevokeCertificateUseCase revoke;
    private final ReissueCertificateUseCase reissue;
    private final UnlockLoginIdUseCase unlock;
    private final OpenContractUseCase open;
    private final RequestApprovalUseCase approvals;
    private final ConsolePages pages;

    ActionsController(SearchRecordsUseCase queries, RevokeCertificateUseCase revoke, ReissueCertificateUseCase reissue,
                      UnlockLoginIdUseCase unlock, OpenContractUseCase open, RequestApprovalUseCase approvals,
                      ConsolePages pages) {
        this.approvals = approvals;
        this.queries = queries;
        this.revoke = revoke;
        this.reissue = reissue;
        this.unlock = unlock;
        this.open = open;
        this.pages = pages;
    }

    // ---- revoke any certificate -------------------------------------------------------------

    @Get("/certificates/{serial}/revoke")
    HttpResponse<?> revokeForm(HttpRequest<?> request, @Nullable Session session, @PathVariable String serial) {
        return pages.signedIn(request, session, staff -> {
            if (!ConsolePages.may(staff, AdministrativeAction.REVOKE_CERTIFICATE)) {
                return pages.forbidden(request, session, staff);
            }
            Optional<CertificateSummary> certificate = certificate(staff, serial);
            if (certificate.isEmpty()) {
                return pages.notFound(request, session, staff, "console.notFound.certificate", serial);
            }
            return revokePage(request, session, staff, certificate.get(), HttpStatus.OK, null, null);
        });
    }

    @Post(value = "/certificates/{serial}/revoke", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> revoke(HttpRequest<?> request, @Nullable Session session, @PathVariable String serial,
                           @Body Map<String, String> form) {
        return pages.posted(request, session, form, staff -> {
            if (!ConsolePages.may(staff, AdministrativeAction.REVOKE_CERTIFICATE)) {
                return pages.forbidden(request, session, staff);
            }
            Optional<CertificateSummary> certificate = certificate(staff, serial);
            if (certificate.isEmpty()) {
                return pages.notFound(request, session, staff, "console.notFound.certificate", serial);
            }
            CertificateSummary c = certificate.get();
            String reasonName = form.get("reason");
            Optional<RevocationReason> reason = RevocationReasons.chosen(reasonName);
            if (reason.isEmpty()) {
                return revokePage(request, session, staff, c, HttpStatus.BAD_REQUEST,
                        pages.text(request, "console.revoke.chooseReason"), reasonName);
            }
            if (underDualControl(staff, c)) {
                return requestApproval(request, form, (why, password) -> RequestApprovalCommand.revoke(staff, c.serial(),
                        reason.get(), why, password), (status, alert) -> revokePage(request, session, staff, c, status,
                        alert, reasonName));
            }
            return confirmedWithOwnPassword(request, form, password -> {
                revoke.revoke(new RevokeCertificateCommand(staff, c.serial(), reason.get(), password));
                return ConsolePages.redirect("/console/ids/" + c.loginId().value() + "?done=revoked#certificate-" + c.serial().hex());
            }, (status, alert) -> revokePage(request, session, staff, c, status, alert, reasonName));
        });
    }

    private HttpResponse<?> revokePage(HttpRequest<?> request, Session session, Actor.Staff staff, CertificateSummary c,
                                       HttpStatus status, String alert, String chosenReason) {
        Map<String, Object> model = pages.model(request, session, staff);
        model.put("c", pages.certificate(request, c));
        model.put("reasons", RevocationReasons.options(chosenReason, r -> pages.text(request, "console.reason." + r.name())));
        model.put("dualControl", underDualControl(staff, c));
        if (alert != null) {
            model.put("alert", alert);
        }
        return ConsolePages.status(status, "revoke", model);
    }

    /** Whether revoking {@code c} waits for a second staff member: an administrator ID's certificate, when configured. */
    private boolean underDualControl(Actor.Staff staff, CertificateSummary c) {
        return queries.loginIdDetails(staff, c.loginId()).filter(d -> approvals.dualControl()
                .covering(staff, AdministrativeAction.REVOKE_CERTIFICATE, d.id().kind()).isPresent()).isPresent();
    }

    /** Whether {@code staff}'s {@code action} on {@code d} waits for a second staff member (the domain's rule). */
    private boolean underDualControl(Actor.Staff staff, AdministrativeAction action, LoginIdDetails d) {
        return approvals.dualControl().covering(staff, action, d.id().kind()).isPresent();
    }

    /**
     * Asks for the action under dual control instead of running it: the form's reason and the staff member's own
     * password; the request's state is then on the approvals page.
     */
    private HttpResponse<?> requestApproval(HttpRequest<?> request, Map<String, String> form,
                                            BiFunction<String, char[], RequestApprovalCommand> command,
                                            BiFunction<HttpStatus, String, HttpResponse<?>> formAgain) {
        Optional<String> why = approvalReason(form);
        if (why.isEmpty()) {
            return formAgain.apply(HttpStatus.BAD_REQUEST, pages.text(request, "console.approval.reasonNeeded",
                    ApprovalRequest.MAX_REASON));
        }
        return confirmedWithOwnPassword(request, form, password -> requested(approvals.request(
                command.apply(why.get(), password))), formAgain);
    }

    private static Optional<String> approvalReason(Map<String, String> form) {
        String why = form.getOrDefault("approvalReason", "").strip();
        return why.isEmpty() || why.length() > ApprovalRequest.MAX_REASON ? Optional.empty() : Optional.of(why);
    }

    private static HttpResponse<?> requested(ApprovalRequest stored) {
        return ConsolePages.redirect("/console/approvals?done=requested#request-" + stored.id());
    }

    private Optional<CertificateSummary> certificate(Actor.Staff staff, String serial) {
        return SerialNumber.parseHex(serial).flatMap(s -> queries.search(staff, new CertificateSearch(null, null, s.hex(),
                null, null, null, null, false, 0, 1)).rows().stream().findFirst());
    }

    // ---- re-issue an administrator ID's certificate -----------------------------------------

    @Get("/ids/{loginId}/reissue")
    HttpResponse<?> reissueForm(HttpRequest<?> request, @Nullable Session session, @PathVariable String loginId) {
        return pages.signedIn(request, session, staff -> idConfirmation(request, session, staff, loginId,
                AdministrativeAction.REISSUE_CERTIFICATE, HttpStatus.OK, null));
    }

    @Post(value = "/ids/{loginId}/reissue", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> reissue(HttpRequest<?> request, @Nullable Session session, @PathVariable String loginId,
                            @Body Map<String, String> form) {
        return pages.posted(request, session, form, staff -> onLoginId(request, session, staff, loginId, d ->
                underDualControl(staff, AdministrativeAction.REISSUE_CERTIFICATE, d) ? requestApproval(request, form,
                        (why, password) -> RequestApprovalCommand.onLoginId(staff, DualControlAction.REISSUE_ADMINISTRATOR_ID,
                                d.id().loginId(), why, password), (status, alert) -> idConfirmation(request, session, staff,
                                loginId, AdministrativeAction.REISSUE_CERTIFICATE, status, alert)) :
                confirmedWithOwnPassword(request, form, password -> {
                    IssuancePassword issuance = reissue.reissue(new ReissueCertificateCommand(staff, d.id().loginId(), password));
                    Map<String, Object> model = pages.model(request, session, staff);
                    model.put("title", pages.text(request, "console.reissued.title"));
                    model.put("loginId", d.id().loginId().value());
                    model.put("contract", d.contract().value());
                    model.put("contractName", d.contractName());
                    putIssuance(model, issuance);
                    return ConsolePages.ok("issued", model);
                }, (status, alert) -> idConfirmation(request, session, staff, loginId,
                        AdministrativeAction.REISSUE_CERTIFICATE, status, alert))));
    }

    // ---- unlock an administrator ID ---------------------------------------------------------

    @Get("/ids/{loginId}/unlock")
    HttpResponse<?> unlockForm(HttpRequest<?> request, @Nullable Session session, @PathVariable String loginId) {
        return pages.signedIn(request, session, staff -> idConfirmation(request, session, staff, loginId,
                AdministrativeAction.UNLOCK_ID, HttpStatus.OK, null));
    }

    @Post(value = "/ids/{loginId}/unlock", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> unlock(HttpRequest<?> request, @Nullable Session session, @PathVariable String loginId,
                           @Body Map<String, String> form) {
        return pages.posted(request, session, form, staff -> onLoginId(request, session, staff, loginId, d ->
                underDualControl(staff, AdministrativeAction.UNLOCK_ID, d) ? requestApproval(request, form,
                        (why, password) -> RequestApprovalCommand.onLoginId(staff, DualControlAction.UNLOCK_ADMINISTRATOR_ID,
                                d.id().loginId(), why, password), (status, alert) -> idConfirmation(request, session, staff,
                                loginId, AdministrativeAction.UNLOCK_ID, status, alert)) :
                confirmedWithOwnPassword(request, form, password -> {
                    unlock.unlock(staff, d.id().loginId(), password);
                    return ConsolePages.redirect("/console/ids/" + d.id().loginId().value() + "?done=unlocked");
                }, (status, alert) -> idConfirmation(request, session, staff, loginId,
                        AdministrativeAction.UNLOCK_ID, status, alert))));
    }

    /**
     * The confirmation page of an action on a login ID: 403 when the role may not do it to this ID,
     * 409 when unlocking an ID that is not locked.
     */
    private HttpResponse<?> idConfirmation(HttpRequest<?> request, Session session, Actor.Staff staff, String loginId,
                                           AdministrativeAction action, HttpStatus status, String alert) {
        if (!ConsolePages.may(staff, AdministrativeAction.SEARCH)) {
            return pages.forbidden(request, session, staff);
        }
        return onLoginId(request, session, staff, loginId, d -> {
            Optional<Rejection> refusal = OfferedActions.refusalOn(staff, action, d.contract(), d.id());
            if (refusal.isPresent()) {
                return pages.refused(request, session, staff, refusal.get());
            }
            Map<String, Object> model = pages.model(request, session, staff);
            model.put("id", pages.loginId(request, staff, d.contract(), d.id()));
            model.put("contract", d.contract().value());
            model.put("contractName", d.contractName());
            model.put("dualControl", underDualControl(staff, action, d));
            if (alert != null) {
                model.put("alert", alert);
            }
            return ConsolePages.status(status, action == AdministrativeAction.UNLOCK_ID ? "unlock" : "reissue", model);
        });
    }

    /** {@code page} for the login ID of the path, or 404 when there is none by that name. */
    private HttpResponse<?> onLoginId(HttpRequest<?> request, Session session, Actor.Staff staff, String loginId,
                                      Function<LoginIdDetails, HttpResponse<?>> page) {
        Optional<LoginIdDetails> details = LoginId.parse(loginId).flatMap(id -> queries.loginIdDetails(staff, id));
        if (details.isEmpty()) {
            return pages.notFound(request, session, staff, "console.notFound.loginId", loginId);
        }
        return page.apply(details.get());
    }

    /**
     * Runs an action the staff member confirms with their own password (wiped afterwards); a wrong
     * password shows the form again with the refusal, any other refusal its page.
     */
    private HttpResponse<?> confirmedWithOwnPassword(HttpRequest<?> request, Map<String, String> form,
                                                     Function<char[], HttpResponse<?>> action,
                                                     BiFunction<HttpStatus, String, HttpResponse<?>> formAgain) {
        char[] password = form.getOrDefault("password", "").toCharArray();
        try {
            return action.apply(password);
        } catch (RequestRefusedException e) {
            if (e.rejection().code() != Rejection.Code.WRONG_CONFIRMATION_PASSWORD) {
                throw e;
            }
            return formAgain.apply(RefusalHandler.statusOf(e.rejection().code()), pages.refusal(request, e.rejection()));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    // ---- register a contract with its administrator ID --------------------------------------

    @Get("/contract-registration")
    HttpResponse<?> registrationForm(HttpRequest<?> request, @Nullable Session session) {
        return pages.signedIn(request, session, staff -> {
            if (!ConsolePages.may(staff, AdministrativeAction.REGISTER_CONTRACT)) {
                return pages.forbidden(request, session, staff);
            }
            return registrationPage(request, session, staff, Map.of(), HttpStatus.OK, null, false);
        });
    }

    @Post(value = "/contract-registration", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> register(HttpRequest<?> request, @Nullable Session session, @Body Map<String, String> form) {
        return pages.posted(request, session, form, staff -> {
            if (!ConsolePages.may(staff, AdministrativeAction.REGISTER_CONTRACT)) {
                return pages.forbidden(request, session, staff);
            }
            List<String> problems = new ArrayList<>();
            Optional<ContractNumber> number = ContractNumber.parse(form.getOrDefault("contractNumber", "").strip());
            if (number.isEmpty()) {
                problems.add(pages.text(request, "console.register.badContractNumber"));
            }
            String name = form.getOrDefault("contractName", "");
            if (number.isPresent() && !Contract.isValidName(name)) {
                problems.add(pages.text(request, "console.register.badContractName"));
            }
            Optional<LoginId> administrator = LoginId.parse(form.getOrDefault("administrator", "").strip());
            if (administrator.isEmpty()) {
                problems.add(pages.text(request, "console.register.badAdministrator"));
            }
            Optional<EmailAddress> email = EmailAddress.parse(form.get("email"));
            if (email.isEmpty()) {
                problems.add(pages.text(request, "console.badEmail"));
            }
            NoticeLanguage language = NoticeLanguage.parse(form.get("language")).orElse(NoticeLanguage.DEFAULT);
            char[] password = form.getOrDefault("password", "").toCharArray();
            char[] confirmation = form.getOrDefault("passwordConfirmation", "").toCharArray();
            try {
                // the bank's rule for login passwords is the domain's; the console only words its refusal
                Optional<Rejection> unusable = LoginPassword.problemWith(password);
                if (password.length == 0) {
                    problems.add(pages.text(request, "console.register.noPassword"));
                } else if (unusable.isPresent()) {
                    problems.add(pages.refusal(request, unusable.get()));
                } else if (!Arrays.equals(password, confirmation)) {
                    problems.add(pages.text(request, "console.register.passwordsDiffer"));
                }
                if (registrationUnderDualControl() && approvalReason(form).isEmpty()) {
                    problems.add(pages.text(request, "console.approval.reasonNeeded", ApprovalRequest.MAX_REASON));
                }
                if (!problems.isEmpty()) {
                    return registrationPage(request, session, staff, form, HttpStatus.BAD_REQUEST, String.join(" ", problems), false);
                }
                if (!CONFIRMED.equals(form.get("confirmed"))) {
                    // Without the page's script, the confirmation dialog comes from the server.
                    return registrationPage(request, session, staff, form, HttpStatus.OK,
                            pages.text(request, "console.register.confirmPrompt"), true);
                }
                Contract contract = new Contract(number.get(), name);
                if (registrationUnderDualControl()) {
                    LoginPassword initial = new LoginPassword(password);
                    try {
                        return requested(approvals.request(RequestApprovalCommand.register(staff, contract,
                                administrator.get(), initial, email.get(), language, approvalReason(form).orElseThrow())));
                    } finally {
                        initial.wipe();
                    }
                }
                return opened(request, session, staff, form, contract, administrator.get(), new LoginPassword(password),
                        email.get(), language);
            } finally {
                Arrays.fill(password, '\0');
                Arrays.fill(confirmation, '\0');
            }
        });
    }

    /** Registers the contract; the new administrator ID's issuance password is shown in this reply only. */
    private HttpResponse<?> opened(HttpRequest<?> request, Session session, Actor.Staff staff, Map<String, String> form,
                                   Contract contract, LoginId administrator, LoginPassword initial,
                                   EmailAddress email, NoticeLanguage language) {
        IssuancePassword issuance;
        try {
            issuance = open.open(new OpenContractCommand(staff, contract, administrator, initial, email, language));
        } catch (RequestRefusedException e) {
            Rejection.Code code = e.rejection().code();
            if (code == Rejection.Code.CONTRACT_EXISTS || code == Rejection.Code.LOGIN_ID_EXISTS) {
                return registrationPage(request, session, staff, form, RefusalHandler.statusOf(code),
                        pages.refusal(request, e.rejection()), false);
            }
            throw e;
        } finally {
            initial.wipe();
        }
        Map<String, Object> model = pages.model(request, session, staff);
        model.put("path", "/console/contract-registration");
        model.put("title", pages.text(request, "console.registered.title"));
        model.put("loginId", administrator.value());
        model.put("contract", contract.number().value());
        model.put("contractName", contract.name());
        putIssuance(model, issuance);
        return ConsolePages.ok("issued", model);
    }

    private boolean registrationUnderDualControl() {
        return approvals.dualControl().actions().contains(DualControlAction.REGISTER_CONTRACT);
    }

    private HttpResponse<?> registrationPage(HttpRequest<?> request, Session session, Actor.Staff staff,
                                             Map<String, String> form, HttpStatus status, String alert, boolean confirming) {
        Map<String, Object> model = pages.model(request, session, staff);
        model.put("nav", "register");
        model.put("path", "/console/contract-registration");
        // the password is never sent back: it is typed again
        model.put("form", row("contractNumber", form.getOrDefault("contractNumber", ""),
                "contractName", form.getOrDefault("contractName", ""),
                "administrator", form.getOrDefault("administrator", ""),
                "email", form.getOrDefault("email", ""),
                "language", NoticeLanguage.parse(form.get("language")).orElse(NoticeLanguage.DEFAULT).tag()));
        model.put("passwordMinLength", LoginPassword.MIN_LENGTH);
        model.put("dualControl", registrationUnderDualControl());
        model.put("approvalReason", form.getOrDefault("approvalReason", ""));
        model.put("confirming", confirming);
        if (alert != null) {
            model.put(confirming ? "notice" : "alert", alert);
        }
        return ConsolePages.status(status, "register", model);
    }

    private void putIssuance(Map<String, Object> model, IssuancePassword issuance) {
        model.put("issuancePassword", issuance.password());
        model.put("deadline", pages.time(issuance.deadline()));
        model.put("deadlineIso", ConsolePages.iso(issuance.deadline()));
    }
}
