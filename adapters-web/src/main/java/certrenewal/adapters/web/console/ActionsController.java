package certrenewal.adapters.web.console;

import static certrenewal.adapters.web.console.ConsolePages.row;

import certrenewal.adapters.web.RefusalHandler;
import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.in.admin.IssuancePassword;
import certrenewal.application.port.in.admin.OpenContractCommand;
import certrenewal.application.port.in.admin.OpenContractUseCase;
import certrenewal.application.port.in.admin.ReissueCertificateCommand;
import certrenewal.application.port.in.admin.ReissueCertificateUseCase;
import certrenewal.application.port.in.admin.RevokeCertificateCommand;
import certrenewal.application.port.in.admin.RevokeCertificateUseCase;
import certrenewal.application.port.in.admin.UnlockLoginIdUseCase;
import certrenewal.application.readmodel.CertificateSummary;
import certrenewal.application.readmodel.CertificateSearch;
import certrenewal.application.port.in.console.SearchRecordsUseCase;
import certrenewal.application.readmodel.LoginIdDetails;
import certrenewal.domain.Rejection;
import certrenewal.domain.account.AccountStatus;
import certrenewal.domain.account.Contract;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.IdKind;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.account.LoginPassword;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.AdministrativeAction;
import certrenewal.domain.certificate.RevocationReason;
import certrenewal.domain.certificate.SerialNumber;
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
    /** The reasons an operator may choose; superseded is set by renewal and re-issue only. */
    static final List<RevocationReason> REASONS = Arrays.stream(RevocationReason.values())
            .filter(r -> r != RevocationReason.SUPERSEDED).toList();
    static final String CONFIRMED = "yes";
    /** A login password's minimum length, as the use cases require it. */
    static final int MIN_PASSWORD_LENGTH = 8;

    private final SearchRecordsUseCase queries;
    private final RevokeCertificateUseCase revoke;
    private final ReissueCertificateUseCase reissue;
    private final UnlockLoginIdUseCase unlock;
    private final OpenContractUseCase open;
    private final ConsolePages pages;

    ActionsController(SearchRecordsUseCase queries, RevokeCertificateUseCase revoke, ReissueCertificateUseCase reissue,
                      UnlockLoginIdUseCase unlock, OpenContractUseCase open, ConsolePages pages) {
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
            Optional<RevocationReason> reason = REASONS.stream().filter(r -> r.name().equals(reasonName)).findFirst();
            if (reason.isEmpty()) {
                return revokePage(request, session, staff, c, HttpStatus.BAD_REQUEST,
                        pages.text(request, "console.revoke.chooseReason"), reasonName);
            }
            char[] password = form.getOrDefault("password", "").toCharArray();
            try {
                revoke.revoke(new RevokeCertificateCommand(staff, c.serial(), reason.get(), password));
            } catch (RequestRefusedException e) {
                if (e.rejection().code() == Rejection.Code.WRONG_CONFIRMATION_PASSWORD) {
                    return revokePage(request, session, staff, c, RefusalHandler.statusOf(e.rejection().code()),
                            pages.refusal(request, e.rejection()), reasonName);
                }
                throw e;
            } finally {
                Arrays.fill(password, '\0');
            }
            return ConsolePages.redirect("/console/ids/" + c.loginId().value() + "?done=revoked#certificate-" + c.serial().hex());
        });
    }

    private HttpResponse<?> revokePage(HttpRequest<?> request, Session session, Actor.Staff staff, CertificateSummary c,
                                       HttpStatus status, String alert, String chosenReason) {
        Map<String, Object> model = pages.model(request, session, staff);
        model.put("c", pages.certificate(request, c));
        List<Map<String, Object>> reasons = new ArrayList<>();
        for (RevocationReason reason : REASONS) {
            reasons.add(row("value", reason.name(), "label", pages.text(request, "console.reason." + reason.name()),
                    "selected", reason.name().equals(chosenReason)));
        }
        model.put("reasons", reasons);
        if (alert != null) {
            model.put("alert", alert);
        }
        return ConsolePages.status(status, "revoke", model);
    }

    private Optional<CertificateSummary> certificate(Actor.Staff staff, String serial) {
        Optional<SerialNumber> parsed = DetailsController.parseSerial(serial);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        return queries.search(staff, new CertificateSearch(null, null, parsed.get().hex(), null, null, null, null,
                false, 0, 1)).rows().stream().findFirst();
    }

    // ---- re-issue an administrator ID's certificate -----------------------------------------

    @Get("/ids/{loginId}/reissue")
    HttpResponse<?> reissueForm(HttpRequest<?> request, @Nullable Session session, @PathVariable String loginId) {
        return pages.signedIn(request, session, staff -> idConfirmation(request, session, staff, loginId, "reissue",
                HttpStatus.OK, null));
    }

    @Post(value = "/ids/{loginId}/reissue", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> reissue(HttpRequest<?> request, @Nullable Session session, @PathVariable String loginId,
                            @Body Map<String, String> form) {
        return pages.posted(request, session, form, staff -> {
            Optional<LoginIdDetails> details = details(staff, loginId);
            if (details.isEmpty()) {
                return pages.notFound(request, session, staff, "console.notFound.loginId", loginId);
            }
            LoginId id = details.get().id().loginId();
            char[] password = form.getOrDefault("password", "").toCharArray();
            IssuancePassword issuance;
            try {
                issuance = reissue.reissue(new ReissueCertificateCommand(staff, id, password));
            } catch (RequestRefusedException e) {
                if (e.rejection().code() == Rejection.Code.WRONG_CONFIRMATION_PASSWORD) {
                    return idConfirmation(request, session, staff, loginId, "reissue",
                            RefusalHandler.statusOf(e.rejection().code()), pages.refusal(request, e.rejection()));
                }
                throw e;
            } finally {
                Arrays.fill(password, '\0');
            }
            Map<String, Object> model = pages.model(request, session, staff);
            model.put("title", pages.text(request, "console.reissued.title"));
            model.put("loginId", id.value());
            model.put("contract", details.get().contract().value());
            model.put("contractName", details.get().contractName());
            putIssuance(model, issuance);
            return ConsolePages.ok("issued", model);
        });
    }

    // ---- unlock an administrator ID ---------------------------------------------------------

    @Get("/ids/{loginId}/unlock")
    HttpResponse<?> unlockForm(HttpRequest<?> request, @Nullable Session session, @PathVariable String loginId) {
        return pages.signedIn(request, session, staff -> idConfirmation(request, session, staff, loginId, "unlock",
                HttpStatus.OK, null));
    }

    @Post(value = "/ids/{loginId}/unlock", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> unlock(HttpRequest<?> request, @Nullable Session session, @PathVariable String loginId,
                           @Body Map<String, String> form) {
        return pages.posted(request, session, form, staff -> {
            Optional<LoginIdDetails> details = details(staff, loginId);
            if (details.isEmpty()) {
                return pages.notFound(request, session, staff, "console.notFound.loginId", loginId);
            }
            LoginId id = details.get().id().loginId();
            unlock.unlock(staff, id);
            return ConsolePages.redirect("/console/ids/" + id.value() + "?done=unlocked");
        });
    }

    /** The confirmation page of an action on a login ID; 403 when the role may not do it to this ID. */
    private HttpResponse<?> idConfirmation(HttpRequest<?> request, Session session, Actor.Staff staff, String loginId,
                                           String action, HttpStatus status, String alert) {
        if (!ConsolePages.may(staff, AdministrativeAction.SEARCH)) {
            return pages.forbidden(request, session, staff);
        }
        Optional<LoginIdDetails> details = details(staff, loginId);
        if (details.isEmpty()) {
            return pages.notFound(request, session, staff, "console.notFound.loginId", loginId);
        }
        LoginIdDetails d = details.get();
        Map<String, Object> id = pages.loginId(request, staff, d.contract(), d.id());
        if (!Boolean.TRUE.equals(id.get(action.equals("reissue") ? "canReissue" : "canUnlock"))) {
            boolean notLocked = action.equals("unlock") && d.id().kind() == IdKind.ADMINISTRATOR
                    && d.id().status() != AccountStatus.LOCKED;
            return pages.refused(request, session, staff,
                    Rejection.of(notLocked ? Rejection.Code.NOT_LOCKED : Rejection.Code.NOT_PERMITTED));
        }
        Map<String, Object> model = pages.model(request, session, staff);
        model.put("id", id);
        model.put("contract", d.contract().value());
        model.put("contractName", d.contractName());
        if (alert != null) {
            model.put("alert", alert);
        }
        return ConsolePages.status(status, action, model);
    }

    private Optional<LoginIdDetails> details(Actor.Staff staff, String loginId) {
        return DetailsController.parseLoginId(loginId).flatMap(id -> queries.loginIdDetails(staff, id));
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
            Optional<ContractNumber> number = DetailsController.parseContract(form.getOrDefault("contractNumber", "").strip());
            if (number.isEmpty()) {
                problems.add("console.register.badContractNumber");
            }
            Contract contract = null;
            try {
                contract = number.isPresent() ? new Contract(number.get(), form.getOrDefault("contractName", "")) : null;
            } catch (IllegalArgumentException e) {
                problems.add("console.register.badContractName");
            }
            Optional<LoginId> administrator = DetailsController.parseLoginId(form.getOrDefault("administrator", "").strip());
            if (administrator.isEmpty()) {
                problems.add("console.register.badAdministrator");
            }
            String password = form.getOrDefault("password", "");
            if (password.isEmpty()) {
                problems.add("console.register.noPassword");
            } else if (password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
                problems.add("console.register.shortPassword");
            } else if (!password.equals(form.getOrDefault("passwordConfirmation", ""))) {
                problems.add("console.register.passwordsDiffer");
            }
            if (!problems.isEmpty()) {
                return registrationPage(request, session, staff, form, HttpStatus.BAD_REQUEST,
                        String.join(" ", problems.stream().map(p -> pages.text(request, p)).toList()), false);
            }
            if (!CONFIRMED.equals(form.get("confirmed"))) {
                // Without the page's script, the confirmation dialog comes from the server.
                return registrationPage(request, session, staff, form, HttpStatus.OK,
                        pages.text(request, "console.register.confirmPrompt"), true);
            }
            char[] initial = password.toCharArray();
            IssuancePassword issuance;
            try {
                issuance = open.open(new OpenContractCommand(staff, contract, administrator.get(), new LoginPassword(initial)));
            } catch (RequestRefusedException e) {
                Rejection.Code code = e.rejection().code();
                if (code == Rejection.Code.CONTRACT_EXISTS || code == Rejection.Code.LOGIN_ID_EXISTS) {
                    return registrationPage(request, session, staff, form, RefusalHandler.statusOf(code),
                            pages.refusal(request, e.rejection()), false);
                }
                throw e;
            } catch (IllegalArgumentException e) {
                // the use case's own password rule, should it be stricter than this form's
                return registrationPage(request, session, staff, form, HttpStatus.BAD_REQUEST,
                        pages.text(request, "console.register.shortPassword"), false);
            } finally {
                Arrays.fill(initial, '\0');
            }
            Map<String, Object> model = pages.model(request, session, staff);
            model.put("path", "/console/contract-registration");
            model.put("title", pages.text(request, "console.registered.title"));
            model.put("loginId", administrator.get().value());
            model.put("contract", contract.number().value());
            model.put("contractName", contract.name());
            putIssuance(model, issuance);
            return ConsolePages.ok("issued", model);
        });
    }

    private HttpResponse<?> registrationPage(HttpRequest<?> request, Session session, Actor.Staff staff,
                                             Map<String, String> form, HttpStatus status, String alert, boolean confirming) {
        Map<String, Object> model = pages.model(request, session, staff);
        model.put("nav", "register");
        model.put("path", "/console/contract-registration");
        // the password is never sent back: it is typed again
        model.put("form", row("contractNumber", form.getOrDefault("contractNumber", ""),
                "contractName", form.getOrDefault("contractName", ""),
                "administrator", form.getOrDefault("administrator", "")));
        model.put("confirming", confirming);
        if (alert != null) {
            model.put(confirming ? "notice" : "alert", alert);
        }
        return ConsolePages.status(status, "register", model);
    }

    private static void putIssuance(Map<String, Object> model, IssuancePassword issuance) {
        model.put("issuancePassword", issuance.password());
        model.put("deadline", ConsolePages.time(issuance.deadline()));
        model.put("deadlineIso", ConsolePages.iso(issuance.deadline()));
    }
}
