package certrenewal.adapters.web.customer;

import certrenewal.application.port.in.AuthenticatedId;
import certrenewal.application.port.in.CertificateOverview;
import certrenewal.application.port.in.GetCertificateOverviewUseCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.session.Session;
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
        if (o.renewalRefusal().isPresent()) {
            return Pages.redirect("/main");
        }
        return HttpResponse.ok(Pages.view("notice", pages.certificateModel(request, session, o)));
    }
}
