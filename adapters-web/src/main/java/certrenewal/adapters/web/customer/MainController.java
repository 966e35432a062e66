package certrenewal.adapters.web.customer;

import certrenewal.application.port.in.AuthenticatedId;
import certrenewal.application.port.in.CertificateOverview;
import certrenewal.application.port.in.GetCertificateOverviewUseCase;
import certrenewal.domain.account.AccessScope;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.session.Session;
import java.util.Map;
import java.util.Optional;

/** The main menu and the renewal notice: the ID's certificate and whether it can be renewed. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class MainController {
    private final GetCertificateOverviewUseCase overview;
    private final Pages pages;
    private final CustomerSessions customers;

    MainController(GetCertificateOverviewUseCase overview, Pages pages, CustomerSessions customers) {
        this.customers = customers;
        this.overview = overview;
        this.pages = pages;
    }

    @Get("/main")
    HttpResponse<?> main(HttpRequest<?> request, @Nullable Session session) {
        Optional<AuthenticatedId> who = customers.of(session, request);
        if (who.isEmpty()) {
            return CustomerGate.toLogin(request);
        }
        return HttpResponse.ok(Pages.view("main", pages.certificateModel(request, session, overview.overview(who.get()))));
    }

    @Get("/renewal/notice")
    HttpResponse<?> notice(HttpRequest<?> request, @Nullable Session session) {
        Optional<AuthenticatedId> who = customers.of(session, request);
        if (who.isEmpty()) {
            return CustomerGate.toLogin(request);
        }
        CertificateOverview o = overview.overview(who.get());
        boolean expired = who.get().scope() == AccessScope.RENEWAL_AFTER_EXPIRY;
        if (o.renewalRefusal().isPresent() && !expired) {
            return Pages.redirect("/main");
        }
        Map<String, Object> model = pages.certificateModel(request, session, o);
        // a login with a certificate that expired within the grace period: this notice and the renewal, nothing else
        model.put("expired", expired);
        return HttpResponse.ok(Pages.view("notice", model));
    }
}
