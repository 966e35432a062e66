package certrenewal.adapters.web.console;

import static certrenewal.adapters.web.console.ConsolePages.row;

import certrenewal.application.port.in.console.ViewDashboardUseCase;
import certrenewal.application.readmodel.DashboardFigures;
import certrenewal.domain.administration.AdministrativeAction;
import certrenewal.domain.certificate.CertificateStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.session.Session;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard: certificates by status, those expiring per week for the next 16 weeks as a bar
 * chart drawn by the server (inline SVG, no script, no chart library) with the same figures as a
 * table, the renewals of the last 30 days per day, and the expiry notices of the last 7 days per day.
 */
@Controller("/console")
@ExecuteOn(TaskExecutors.BLOCKING)
final class DashboardController {
    /** The chart's drawing, in SVG user units: bars in slots, labels below, values above. */
    static final int LEFT = 40;
    static final int TOP = 24;
    static final int PLOT_HEIGHT = 160;
    static final int SLOT = 44;
    static final int BAR_WIDTH = 30;
    static final int BOTTOM = 44;
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("M/d");

    private final ViewDashboardUseCase dashboard;
    private final ConsolePages pages;

    DashboardController(ViewDashboardUseCase dashboard, ConsolePages pages) {
        this.dashboard = dashboard;
        this.pages = pages;
    }

    @Get
    HttpResponse<?> dashboard(HttpRequest<?> request, @Nullable Session session) {
        return pages.signedIn(request, session, staff -> {
            if (!ConsolePages.may(staff, AdministrativeAction.VIEW_DASHBOARD)
                    && ConsolePages.may(staff, AdministrativeAction.MANAGE_STAFF)) {
                return ConsolePages.redirect(StaffController.STAFF); // a security administrator's home
            }
            DashboardFigures figures = dashboard.dashboard(staff);
            Map<String, Object> model = pages.model(request, session, staff);
            model.put("nav", "dashboard");
            model.put("asOf", pages.seconds(figures.asOf()));
            model.put("asOfIso", ConsolePages.iso(figures.asOf()));
            List<Map<String, Object>> statuses = new ArrayList<>();
            long totalCertificates = 0;
            for (CertificateStatus status : CertificateStatus.values()) {
                long count = figures.certificatesByStatus().getOrDefault(status, 0L);
                totalCertificates += count;
                statuses.add(row("status", status.name(), "label", pages.text(request, "console.status." + status.name()),
                        "count", count));
            }
            model.put("statuses", statuses);
            model.put("totalCertificates", totalCertificates);
            model.putAll(chart(figures.expiringPerWeek()));
            List<Map<String, Object>> days = new ArrayList<>();
            long[] totals = new long[4];
            for (DashboardFigures.DayRenewals day : figures.renewalsPerDay()) {
                days.add(row("day", day.day().toString(), "started", day.started(), "completed", day.completed(),
                        "abandoned", day.abandoned(), "failed", day.failed()));
                totals[0] += day.started();
                totals[1] += day.completed();
                totals[2] += day.abandoned();
                totals[3] += day.failed();
            }
            model.put("days", days);
            model.put("dayTotals", row("started", totals[0], "completed", totals[1], "abandoned", totals[2], "failed", totals[3]));
            model.put("noticeDays", figures.noticesPerDay().stream().map(day -> row("day", day.day().toString(),
                    "queued", day.queued(), "sent", day.sent(), "failed", day.failed())).toList());
            model.put("noticeTotals", row(
                    "queued", figures.noticesPerDay().stream().mapToLong(DashboardFigures.DayNotices::queued).sum(),
                    "sent", figures.noticesPerDay().stream().mapToLong(DashboardFigures.DayNotices::sent).sum(),
                    "failed", figures.noticesPerDay().stream().mapToLong(DashboardFigures.DayNotices::failed).sum()));
            return ConsolePages.ok("dashboard", model);
        });
    }

    /** The bars' geometry and labels, scaled to the busiest week (at least 1, so that empty weeks stay flat). */
    static Map<String, Object> chart(List<DashboardFigures.WeekCount> weeks) {
        long max = Math.max(1, weeks.stream().mapToLong(DashboardFigures.WeekCount::certificates).max().orElse(0));
        List<Map<String, Object>> bars = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < weeks.size(); i++) {
            DashboardFigures.WeekCount week = weeks.get(i);
            int height = (int) Math.round((double) week.certificates() * PLOT_HEIGHT / max);
            int x = LEFT + i * SLOT + (SLOT - BAR_WIDTH) / 2;
            int y = TOP + PLOT_HEIGHT - height;
            total += week.certificates();
            bars.add(row("weekStart", week.weekStart().toString(), "label", SHORT_DAY.format(week.weekStart()),
                    "count", week.certificates(), "x", x, "y", y, "width", BAR_WIDTH, "height", height,
                    "center", x + BAR_WIDTH / 2, "valueY", y - 6, "labelY", TOP + PLOT_HEIGHT + 18,
                    "weekEnd", week.weekStart().plusDays(6).toString()));
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("bars", bars);
        chart.put("expiringTotal", total);
        chart.put("chartMax", max);
        int width = LEFT + weeks.size() * SLOT + 8;
        chart.put("chartViewBox", "0 0 " + width + " " + (TOP + PLOT_HEIGHT + BOTTOM));
        chart.put("axisY", TOP + PLOT_HEIGHT);
        chart.put("axisEnd", width - 4);
        chart.put("axisLabelX", LEFT - 6);
        chart.put("topY", TOP + 4);
        chart.put("weekTitleY", TOP + PLOT_HEIGHT + 36);
        chart.put("chartCenter", width / 2);
        return chart;
    }
}
