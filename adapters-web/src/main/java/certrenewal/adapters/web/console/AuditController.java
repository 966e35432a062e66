package certrenewal.adapters.web.console;

import static certrenewal.adapters.web.console.ConsolePages.row;

import certrenewal.application.port.in.console.ReadAuditTrailUseCase;
import certrenewal.application.port.in.console.VerifyAuditTrailUseCase;
import certrenewal.application.readmodel.AuditFilter;
import certrenewal.application.readmodel.AuditRecord;
import certrenewal.application.readmodel.AuditVerification;
import certrenewal.application.readmodel.SearchPage;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.AdministrativeAction;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.session.Session;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * 監査ログ (auditors): the audit trail newest first, filtered by actor, action, target prefix,
 * outcome and time range (typed in the bank's time zone), 50 a page; and the verification of its
 * hash chain, which names the first broken record and highlights it when it is on the page.
 */
@Controller("/console")
@ExecuteOn(TaskExecutors.BLOCKING)
final class AuditController {
    static final int PAGE_SIZE = 50;
    static final List<String> OUTCOMES = List.of("SUCCESS", "REFUSED", "FAILED");

    private final ReadAuditTrailUseCase trail;
    private final VerifyAuditTrailUseCase verifier;
    private final ConsolePages pages;

    AuditController(ReadAuditTrailUseCase trail, VerifyAuditTrailUseCase verifier, ConsolePages pages) {
        this.trail = trail;
        this.verifier = verifier;
        this.pages = pages;
    }

    @Get("/audit")
    HttpResponse<?> read(HttpRequest<?> request, @Nullable Session session) {
        return pages.signedIn(request, session, staff -> page(request, session, staff, request.getParameters()::get, null));
    }

    /** Verifies the chain, then shows the same page of the log as before, with the outcome. */
    @Post(value = "/audit/verify", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> verify(HttpRequest<?> request, @Nullable Session session, @Body Map<String, String> form) {
        return pages.posted(request, session, form, staff -> {
            if (!ConsolePages.may(staff, AdministrativeAction.VERIFY_AUDIT_TRAIL)) {
                return pages.forbidden(request, session, staff);
            }
            AuditVerification verification = verifier.verify(staff);
            return page(request, session, staff, form::get, verification);
        });
    }

    private HttpResponse<?> page(HttpRequest<?> request, Session session, Actor.Staff staff,
                                 Function<String, String> parameters, AuditVerification verification) {
        if (!ConsolePages.may(staff, AdministrativeAction.READ_AUDIT_TRAIL)) {
            return pages.forbidden(request, session, staff);
        }
        Query query = Query.of(parameters);
        Map<String, Object> model = pages.model(request, session, staff);
        model.put("nav", "audit");
        model.put("path", query.href(query.page));
        model.put("q", query.values());
        model.put("hidden", query.hidden());
        List<Map<String, Object>> outcomes = new ArrayList<>();
        for (String outcome : OUTCOMES) {
            outcomes.add(row("value", outcome, "label", pages.text(request, "console.outcome." + outcome),
                    "selected", outcome.equals(query.outcome)));
        }
        model.put("outcomes", outcomes);
        Long broken = null;
        if (verification != null) {
            broken = verification.firstBroken().orElse(null);
            model.put("verified", true);
            model.put("intact", broken == null);
            model.put("verifyText", broken == null
                    ? pages.text(request, "console.audit.intact", verification.entriesChecked())
                    : pages.text(request, "console.audit.broken", broken, verification.entriesChecked()));
            model.put("brokenSeq", broken);
        }
        List<String> problems = new ArrayList<>();
        Instant from = instant(query.from, problems);
        Instant to = instant(query.to, problems);
        if (!problems.isEmpty()) {
            model.put("alert", pages.text(request, "console.audit.badTime"));
            return ConsolePages.status(HttpStatus.BAD_REQUEST, "audit", model);
        }
        SearchPage<AuditRecord> page = trail.read(staff, new AuditFilter(query.actor, query.action, query.target,
                query.outcome, from, to, query.page - 1, PAGE_SIZE));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AuditRecord r : page.rows()) {
            Map<String, Object> row = row("seq", r.seq(), "at", pages.seconds(r.at()), "atIso", ConsolePages.iso(r.at()),
                    "actor", r.actor(), "action", r.action(), "target", r.target(), "outcome", r.outcome(),
                    "outcomeLabel", r.outcome() != null && OUTCOMES.contains(r.outcome()) ? pages.text(request, "console.outcome." + r.outcome()) : r.outcome(),
                    "detail", r.detail());
            row.put("broken", broken != null && broken == r.seq());
            rows.add(row);
        }
        model.put("rows", rows);
        model.put("total", page.total());
        model.put("page", page.page() + 1);
        model.put("pages", page.pages());
        if (page.page() > 0) {
            model.put("previous", query.href(Math.min(page.page(), page.pages())));
        }
        if (page.page() + 1 < page.pages()) {
            model.put("next", query.href(page.page() + 2));
        }
        return ConsolePages.ok("audit", model);
    }

    /** A time typed in the bank's zone (datetime-local: 2026-01-31T09:30), or null when none was typed. */
    private Instant instant(String text, List<String> problems) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(text).atZone(pages.zone()).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(text);
            return null;
        }
    }

    private record Query(String actor, String action, String target, String outcome, String from, String to, int page) {
        static Query of(Function<String, String> p) {
            String outcome = trim(p.apply("outcome"));
            return new Query(trim(p.apply("actor")), trim(p.apply("action")), trim(p.apply("target")),
                    outcome != null && OUTCOMES.contains(outcome) ? outcome : null, trim(p.apply("from")), trim(p.apply("to")),
                    ConsolePages.pageNumber(p.apply("page")));
        }

        Map<String, String> values() {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("actor", actor == null ? "" : actor);
            values.put("action", action == null ? "" : action);
            values.put("target", target == null ? "" : target);
            values.put("from", from == null ? "" : from);
            values.put("to", to == null ? "" : to);
            return values;
        }

        /** The filters as hidden fields of the verify form, so that the page shown after it is the same. */
        List<Map<String, Object>> hidden() {
            List<Map<String, Object>> hidden = new ArrayList<>();
            values().forEach((name, value) -> {
                if (!value.isEmpty()) {
                    hidden.add(row("name", name, "value", value));
                }
            });
            if (outcome != null) {
                hidden.add(row("name", "outcome", "value", outcome));
            }
            hidden.add(row("name", "page", "value", String.valueOf(page)));
            return hidden;
        }

        String href(int toPage) {
            StringBuilder href = new StringBuilder("/console/audit?");
            values().forEach((name, value) -> append(href, name, value.isEmpty() ? null : value));
            append(href, "outcome", outcome);
            append(href, "page", String.valueOf(toPage));
            return href.substring(0, href.length() - 1);
        }

        private static void append(StringBuilder href, String name, String value) {
            if (value != null) {
                href.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
            }
        }

        private static String trim(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }
}
