package certrenewal.adapters.web.console;

import static certrenewal.adapters.web.console.ConsolePages.row;

import certrenewal.application.port.in.console.ListExpiringCertificatesUseCase;
import certrenewal.application.readmodel.ExpiringCertificate;
import certrenewal.application.readmodel.ExpiringCertificates;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.AdministrativeAction;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.session.Session;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.BiFunction;

/**
 * The certificates expiring in the next N days, by contract, with the last expiry notice of each: a page (the first
 * {@value #PAGE_ROWS}) and a CSV export of them all (up to {@value #CSV_ROWS}), for operators and auditors.
 */
@Controller("/console")
@ExecuteOn(TaskExecutors.BLOCKING)
final class InventoryController {
    static final int PAGE_ROWS = 500;
    static final int CSV_ROWS = 100_000;
    private static final MediaType CSV = MediaType.of("text/csv; charset=UTF-8");

    private final ListExpiringCertificatesUseCase inventory;
    private final ConsolePages pages;

    InventoryController(ListExpiringCertificatesUseCase inventory, ConsolePages pages) {
        this.inventory = inventory;
        this.pages = pages;
    }

    @Get("/inventory")
    HttpResponse<?> page(HttpRequest<?> request, @Nullable Session session, @Nullable @QueryValue String days) {
        return withDays(request, session, days, (staff, window) -> {
            Map<String, Object> model = pages.model(request, session, staff);
            model.put("nav", "inventory");
            model.put("days", window.isPresent() ? String.valueOf(window.getAsInt()) : days);
            model.put("minDays", ListExpiringCertificatesUseCase.MIN_DAYS);
            model.put("maxDays", ListExpiringCertificatesUseCase.MAX_DAYS);
            if (window.isEmpty()) {
                model.put("alert", pages.text(request, "console.inventory.badDays",
                        ListExpiringCertificatesUseCase.MIN_DAYS, ListExpiringCertificatesUseCase.MAX_DAYS));
                model.put("rows", List.of());
                return ConsolePages.status(HttpStatus.BAD_REQUEST, "inventory", model);
            }
            ExpiringCertificates found = inventory.expiring(staff, window.getAsInt(), PAGE_ROWS);
            model.put("rows", found.rows().stream().map(c -> row("contract", c.contract().value(),
                    "contractName", c.contractName(), "loginId", c.loginId().value(),
                    "kind", pages.text(request, "console.kind." + c.kind().name()), "serial", c.serial().hex(),
                    "notAfter", pages.time(c.notAfter()), "notAfterIso", ConsolePages.iso(c.notAfter()),
                    "daysLeft", c.daysLeft(found.asOf()), "notice", lastNotice(request, c))).toList());
            model.put("asOf", pages.seconds(found.asOf()));
            model.put("truncated", found.truncated());
            model.put("pageRows", PAGE_ROWS);
            return ConsolePages.ok("inventory", model);
        });
    }

    @Get("/inventory.csv")
    HttpResponse<?> csv(HttpRequest<?> request, @Nullable Session session, @Nullable @QueryValue String days) {
        return withDays(request, session, days, (staff, window) -> {
            if (window.isEmpty()) {
                return HttpResponse.badRequest(pages.text(request, "console.inventory.badDays",
                        ListExpiringCertificatesUseCase.MIN_DAYS, ListExpiringCertificatesUseCase.MAX_DAYS))
                        .contentType(MediaType.TEXT_PLAIN_TYPE.toString() + ";charset=UTF-8");
            }
            ExpiringCertificates found = inventory.export(staff, window.getAsInt(), CSV_ROWS);
            StringBuilder csv = new StringBuilder();
            Csv.line(csv, List.of(pages.text(request, "console.inventory.contract"),
                    pages.text(request, "console.inventory.contractName"), pages.text(request, "console.column.loginId"),
                    pages.text(request, "console.loginId.kind"), pages.text(request, "console.column.serial"),
                    pages.text(request, "console.column.expiry"), pages.text(request, "console.inventory.daysLeft"),
                    pages.text(request, "console.inventory.lastNotice"), pages.text(request, "console.inventory.noticeState")));
            for (ExpiringCertificate c : found.rows()) {
                Csv.line(csv, List.of(c.contract().value(), c.contractName(), c.loginId().value(), c.kind().name(),
                        c.serial().hex(), ConsolePages.iso(c.notAfter()), String.valueOf(c.daysLeft(found.asOf())),
                        c.lastNotice() == null ? "" : c.lastNotice(),
                        c.lastNoticeState() == null ? "" : c.lastNoticeState()));
            }
            return HttpResponse.ok(csv.toString().getBytes(StandardCharsets.UTF_8)).contentType(CSV)
                    .header("Content-Disposition", "attachment; filename=\"expiring-" + window.getAsInt() + "-days.csv\"");
        });
    }

    /** The page for operators and auditors with the window asked for (the default when none; empty when not a number in range). */
    private HttpResponse<?> withDays(HttpRequest<?> request, Session session, String days,
                                     BiFunction<Actor.Staff, OptionalInt, HttpResponse<?>> page) {
        return pages.signedIn(request, session, staff -> {
            if (!ConsolePages.may(staff, AdministrativeAction.VIEW_DASHBOARD)) {
                return pages.forbidden(request, session, staff);
            }
            return page.apply(staff, window(days));
        });
    }

    static OptionalInt window(String days) {
        if (days == null || days.isBlank()) {
            return OptionalInt.of(ListExpiringCertificatesUseCase.DEFAULT_DAYS);
        }
        String digits = days.strip();
        if (!digits.matches("[0-9]{1,3}")) {
            return OptionalInt.empty();
        }
        int value = Integer.parseInt(digits);
        return value >= ListExpiringCertificatesUseCase.MIN_DAYS && value <= ListExpiringCertificatesUseCase.MAX_DAYS
                ? OptionalInt.of(value) : OptionalInt.empty();
    }

    private String lastNotice(HttpRequest<?> request, ExpiringCertificate c) {
        return c.lastNotice() == null ? pages.text(request, "console.inventory.noNotice")
                : c.lastNotice() + " (" + c.lastNoticeState() + ")";
    }

    /** RFC 4180 lines whose every value is quoted, and a value a spreadsheet would take for a formula is defused. */
    static final class Csv {
        private Csv() {
        }

        static void line(StringBuilder out, List<String> values) {
            for (int i = 0; i < values.size(); i++) {
                out.append(i == 0 ? "" : ",").append(quoted(values.get(i)));
            }
            out.append("\r\n");
        }

        static String quoted(String value) {
            String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
    }
}
