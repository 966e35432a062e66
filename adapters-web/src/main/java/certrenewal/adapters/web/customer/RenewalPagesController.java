package certrenewal.adapters.web.customer;

import certrenewal.adapters.web.RefusalHandler;
import certrenewal.application.port.in.AbandonRenewalUseCase;
import certrenewal.application.port.in.AuthenticatedId;
import certrenewal.application.port.in.CertificateOverview;
import certrenewal.application.port.in.GetCertificateOverviewUseCase;
import certrenewal.application.port.in.GetIssuedCertificateUseCase;
import certrenewal.application.port.in.IssuedCertificate;
import certrenewal.application.port.in.PrepareRenewalUseCase;
import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.in.StartRenewalUseCase;
import certrenewal.application.port.in.SubmitCertificateRequestCommand;
import certrenewal.application.port.in.SubmitCertificateRequestUseCase;
import certrenewal.domain.Rejection;
import certrenewal.domain.certificate.Certificate;
import certrenewal.domain.renewal.Renewal;
import certrenewal.domain.renewal.RenewalId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.session.Session;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The renewal screens of the bank's manual: 証明書更新 starts, 電子証明書更新前処理中 prepares,
 * 電子証明書更新開始 takes the request made in the browser (only the request: the key stays there),
 * 発行完了 shows the result. The page scripts call the JSON endpoints with the session's CSRF token.
 */
@Controller("/renewal")
@ExecuteOn(TaskExecutors.BLOCKING)
final class RenewalPagesController {
    private static final Pattern RENEWAL_ID = Pattern.compile("\\p{XDigit}{8}(-\\p{XDigit}{4}){3}-\\p{XDigit}{12}");

    private final StartRenewalUseCase start;
    private final PrepareRenewalUseCase prepare;
    private final SubmitCertificateRequestUseCase submit;
    private final AbandonRenewalUseCase abandon;
    private final GetIssuedCertificateUseCase issued;
    private final GetCertificateOverviewUseCase overview;
    private final Pages pages;
    private final CustomerSessions customers;

    RenewalPagesController(StartRenewalUseCase start, PrepareRenewalUseCase prepare, SubmitCertificateRequestUseCase submit,
                           AbandonRenewalUseCase abandon, GetIssuedCertificateUseCase issued,
                           GetCertificateOverviewUseCase overview, Pages pages, CustomerSessions customers) {
        this.customers = customers;
        this.start = start;
        this.prepare = prepare;
        this.submit = submit;
        this.abandon = abandon;
        this.issued = issued;
        this.overview = overview;
        this.pages = pages;
    }

    @Post(value = "/start", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> start(HttpRequest<?> request, @Nullable Session session, @Body Map<String, String> form) {
        return start(request, session, form, start::start);
    }

    /** The "already in progress" alert's choice: end the renewal left elsewhere and begin again. */
    @Post(value = "/start-over", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> startOver(HttpRequest<?> request, @Nullable Session session, @Body Map<String, String> form) {
        return start(request, session, form, start::startOver);
    }

    private HttpResponse<?> start(HttpRequest<?> request, Session session, Map<String, String> form,
                                  Function<AuthenticatedId, Renewal.Started> starting) {
        Optional<AuthenticatedId> who = customers.of(session, request);
        if (who.isEmpty()) {
            return CustomerGate.toLogin(request);
        }
        if (!SignedIn.csrfMatches(session, form.get("_csrf"))) {
            return withAlert(request, session, who.get(), HttpStatus.FORBIDDEN, pages.text(request, "session.expired"));
        }
        try {
            Renewal.Started started = starting.apply(who.get());
            return Pages.redirect("/renewal/" + started.id() + "/preparing");
        } catch (RequestRefusedException e) {
            return withAlert(request, session, who.get(), RefusalHandler.statusOf(e.rejection().code()),
                    pages.refusal(request, e.rejection()));
        }
    }

    @Get("/{id}/preparing")
    HttpResponse<?> preparing(HttpRequest<?> request, @Nullable Session session, @PathVariable String id) {
        return page(request, session, id, "preparing");
    }

    @Get("/{id}/start")
    HttpResponse<?> startScreen(HttpRequest<?> request, @Nullable Session session, @PathVariable String id) {
        return page(request, session, id, "start");
    }

    @Get("/{id}/complete")
    HttpResponse<?> complete(HttpRequest<?> request, @Nullable Session session, @PathVariable String id) {
        return renewalPage(request, session, id, (who, renewal) -> {
            try {
                Certificate certificate = issued.issuedBy(renewal, who);
                return pages.complete(request, session, KeyFlow.shown(who.loginId().value(), certificate), "complete");
            } catch (RequestRefusedException e) {
                return Pages.redirect("/main");
            }
        });
    }

    @Post("/{id}/prepare")
    HttpResponse<?> prepare(HttpRequest<?> request, @Nullable Session session, @PathVariable String id,
                            @Nullable @Header(KeyFlow.CSRF_HEADER) String csrf) {
        return json(request, session, id, csrf, (who, renewal) -> {
            Renewal.AwaitingKey awaiting = prepare.prepare(renewal, who);
            return HttpResponse.ok(Map.of("next", "/renewal/" + awaiting.id() + "/start"));
        });
    }

    @Post(value = "/{id}/request", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> request(HttpRequest<?> request, @Nullable Session session, @PathVariable String id,
                            @Nullable @Header(KeyFlow.CSRF_HEADER) String csrf, @Body KeyFlow.CertificateRequest body) {
        return json(request, session, id, csrf, (who, renewal) -> {
            IssuedCertificate result = submit.submit(new SubmitCertificateRequestCommand(renewal, who, body.der()));
            return HttpResponse.ok(KeyFlow.IssuedReply.of(result, who.loginId().value(), "/renewal/" + renewal + "/complete"));
        });
    }

    @Post("/{id}/abandon")
    HttpResponse<?> abandon(HttpRequest<?> request, @Nullable Session session, @PathVariable String id,
                            @Nullable @Header(KeyFlow.CSRF_HEADER) String csrf, @Nullable @Body Map<String, String> body) {
        return json(request, session, id, csrf, (who, renewal) -> {
            boolean atSave = body != null && "save".equals(body.get("stage"));
            abandon.abandon(renewal, who, atSave
                    ? "declined to save the certificate on this PC"
                    : "declined to create a key pair on this PC");
            return HttpResponse.ok(Map.of("message", pages.text(request, "renewal.cancelled")));
        });
    }

    private HttpResponse<?> page(HttpRequest<?> request, Session session, String id, String view) {
        return renewalPage(request, session, id, (who, renewal) -> {
            Map<String, Object> model = pages.model(request, session);
            model.put("renewalId", renewal.toString());
            model.put("loginId", who.loginId().value());
            return HttpResponse.ok(Pages.view(view, model));
        });
    }

    /** A screen of the renewal of the path: the login screen without a session, the main menu for what is no renewal ID. */
    private HttpResponse<?> renewalPage(HttpRequest<?> request, Session session, String id,
                                        BiFunction<AuthenticatedId, RenewalId, HttpResponse<?>> page) {
        Optional<AuthenticatedId> who = customers.of(session, request);
        if (who.isEmpty()) {
            return CustomerGate.toLogin(request);
        }
        Optional<RenewalId> renewal = renewalId(id);
        return renewal.isEmpty() ? Pages.redirect("/main") : page.apply(who.get(), renewal.get());
    }

    /** A JSON step on the renewal of the path: signed in, CSRF checked, refusals as {error, code} in the user's language. */
    private HttpResponse<?> json(HttpRequest<?> request, Session session, String id, String csrf,
                                 BiFunction<AuthenticatedId, RenewalId, HttpResponse<?>> step) {
        Optional<AuthenticatedId> who = customers.of(session, request);
        if (who.isEmpty()) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED).body(Map.of(
                    "error", pages.text(request, CustomerGate.endedText(request)), "login", CustomerGate.stepLoginPath(request)));
        }
        if (!SignedIn.csrfMatches(session, csrf)) {
            return HttpResponse.status(HttpStatus.FORBIDDEN).body(Map.of("error", pages.text(request, "session.expired"),
                    "login", "/login?expired=1"));
        }
        Optional<RenewalId> renewal = renewalId(id);
        if (renewal.isEmpty()) {
            return HttpResponse.status(HttpStatus.NOT_FOUND).body(Map.of(
                    "error", pages.refusal(request, Rejection.of(Rejection.Code.RENEWAL_NOT_FOUND))));
        }
        try {
            return step.apply(who.get(), renewal.get());
        } catch (RequestRefusedException e) {
            return HttpResponse.status(RefusalHandler.statusOf(e.rejection().code())).body(Map.of(
                    "error", pages.refusal(request, e.rejection()), "code", e.rejection().code().name()));
        }
    }

    /**
     * The renewal a path names, or empty for what cannot be one. The pages' links carry
     * {@link RenewalId}'s own form; checked here because {@link RenewalId#parse} throws on anything else.
     */
    static Optional<RenewalId> renewalId(String text) {
        return RENEWAL_ID.matcher(text).matches() ? Optional.of(RenewalId.parse(text)) : Optional.empty();
    }

    /** The notice (or the main menu) again, with the alert. */
    private HttpResponse<?> withAlert(HttpRequest<?> request, Session session, AuthenticatedId who, HttpStatus status,
                                      String alert) {
        CertificateOverview o = overview.overview(who);
        Map<String, Object> model = pages.certificateModel(request, session, o);
        model.put("alert", alert);
        return HttpResponse.status(status).body(Pages.view(o.renewalRefusal().isEmpty() ? "notice" : "main", model));
    }
}
