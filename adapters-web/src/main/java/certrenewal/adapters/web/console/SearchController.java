package certrenewal.adapters.web.console;

import static certrenewal.adapters.web.console.ConsolePages.row;

import certrenewal.application.port.in.console.SearchRecordsUseCase;
import certrenewal.application.readmodel.CertificateSearch;
import certrenewal.application.readmodel.CertificateSearch.SortField;
import certrenewal.application.readmodel.CertificateSummary;
import certrenewal.application.readmodel.SearchPage;
import certrenewal.domain.administration.AdministrativeAction;
import certrenewal.domain.certificate.CertificateStatus;
import certrenewal.domain.certificate.SerialNumber;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.session.Session;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 証明書検索: by contract number, login ID prefix, serial, status and expiry range; 20 a page,
 * sorted by the column whose header was clicked. Every link carries the whole query, so that a
 * page of results can be bookmarked and reloaded.
 */
@Controller("/console")
@ExecuteOn(TaskExecutors.BLOCKING)
final class SearchController {
    static final int PAGE_SIZE = 20;
    /** The sort keys of the URL, in the order of the result table's columns. */
    private static final Map<String, SortField> SORT_KEYS = new LinkedHashMap<>();

    static {
        SORT_KEYS.put("serial", SortField.SERIAL);
        SORT_KEYS.put("loginId", SortField.LOGIN_ID);
        SORT_KEYS.put("contract", SortField.CONTRACT_NUMBER);
        SORT_KEYS.put("status", SortField.STATUS);
        SORT_KEYS.put("issued", SortField.NOT_BEFORE);
        SORT_KEYS.put("expiry", SortField.NOT_AFTER);
    }

    private final SearchRecordsUseCase queries;
    private final ConsolePages pages;

    SearchController(SearchRecordsUseCase queries, ConsolePages pages) {
        this.queries = queries;
        this.pages = pages;
    }

    @Get("/search")
    HttpResponse<?> search(HttpRequest<?> request, @Nullable Session session) {
        return pages.signedIn(request, session, staff -> {
            if (!ConsolePages.may(staff, AdministrativeAction.SEARCH)) {
                return pages.forbidden(request, session, staff);
            }
            Query query = Query.of(request);
            Map<String, Object> model = pages.model(request, session, staff);
            model.put("nav", "search");
            model.put("q", query.values());
            List<Map<String, Object>> statuses = new ArrayList<>();
            for (CertificateStatus status : CertificateStatus.values()) {
                statuses.add(row("value", status.name(), "label", pages.text(request, "console.status." + status.name()),
                        "selected", status.name().equals(query.status)));
            }
            model.put("statuses", statuses);

            List<String> problems = new ArrayList<>();
            CertificateSearch search = query.toSearch(problems);
            if (!problems.isEmpty()) {
                model.put("alert", String.join(" ", problems.stream().map(p -> pages.text(request, p)).toList()));
                return ConsolePages.status(HttpStatus.BAD_REQUEST, "search", model);
            }
            SearchPage<CertificateSummary> page = queries.search(staff, search);
            model.put("rows", page.rows().stream().map(r -> pages.certificate(request, r)).toList());
            model.put("total", page.total());
            model.put("page", page.page() + 1);
            model.put("pages", page.pages());
            model.put("from", page.total() == 0 ? 0 : page.page() * (long) PAGE_SIZE + 1);
            model.put("to", page.page() * (long) PAGE_SIZE + page.rows().size());
            if (page.page() > 0) {
                model.put("previous", query.href(query.sort, query.descending, Math.min(page.page(), page.pages())));
            }
            if (page.page() + 1 < page.pages()) {
                model.put("next", query.href(query.sort, query.descending, page.page() + 2));
            }
            List<Map<String, Object>> columns = new ArrayList<>();
            for (Map.Entry<String, SortField> column : SORT_KEYS.entrySet()) {
                boolean current = column.getValue() == search.sort();
                // A click on the current column turns its order round; on another column, sorts by it ascending.
                boolean descending = current && !search.descending();
                columns.add(row("key", column.getKey(), "label", pages.text(request, "console.column." + column.getKey()),
                        "href", query.href(column.getKey(), descending, 1),
                        "ariaSort", current ? (search.descending() ? "descending" : "ascending") : "none",
                        "arrow", current ? (search.descending() ? "▼" : "▲") : ""));
            }
            model.put("columns", columns);
            return ConsolePages.ok("search", model);
        });
    }

    /** The search as the URL carries it: the criteria as typed, the sort key, its direction, the page from 1. */
    private record Query(String contract, String loginId, String serial, String status, String expiryFrom,
                         String expiryTo, String sort, boolean descending, int page) {

        static Query of(HttpRequest<?> request) {
            var p = request.getParameters();
            String sort = p.get("sort");
            return new Query(trim(p.get("contract")), trim(p.get("loginId")), trim(p.get("serial")), trim(p.get("status")),
                    trim(p.get("expiryFrom")), trim(p.get("expiryTo")), SORT_KEYS.containsKey(sort) ? sort : "expiry",
                    "desc".equals(p.get("dir")), ConsolePages.pageNumber(p.get("page")));
        }

        CertificateSearch toSearch(List<String> problems) {
            Optional<SerialNumber> serialNumber = Optional.ofNullable(serial).flatMap(SerialNumber::parseHex);
            if (serial != null && serialNumber.isEmpty()) {
                problems.add("console.search.badSerial");
            }
            Optional<CertificateStatus> wanted = Arrays.stream(CertificateStatus.values())
                    .filter(s -> s.name().equals(status)).findFirst();
            if (status != null && wanted.isEmpty()) {
                problems.add("console.search.badStatus");
            }
            LocalDate from = date(expiryFrom, problems);
            LocalDate to = date(expiryTo, problems);
            return new CertificateSearch(contract, loginId, serialNumber.map(SerialNumber::hex).orElse(null),
                    wanted.orElse(null), from, to, SORT_KEYS.get(sort), descending, page - 1, PAGE_SIZE);
        }

        Map<String, Object> values() {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("contract", contract == null ? "" : contract);
            values.put("loginId", loginId == null ? "" : loginId);
            values.put("serial", serial == null ? "" : serial);
            values.put("expiryFrom", expiryFrom == null ? "" : expiryFrom);
            values.put("expiryTo", expiryTo == null ? "" : expiryTo);
            return values;
        }

        String href(String sortKey, boolean desc, int toPage) {
            StringBuilder href = new StringBuilder("/console/search?");
            append(href, "contract", contract);
            append(href, "loginId", loginId);
            append(href, "serial", serial);
            append(href, "status", status);
            append(href, "expiryFrom", expiryFrom);
            append(href, "expiryTo", expiryTo);
            append(href, "sort", sortKey);
            append(href, "dir", desc ? "desc" : "asc");
            append(href, "page", String.valueOf(toPage));
            return href.substring(0, href.length() - 1);
        }

        private static void append(StringBuilder href, String name, String value) {
            if (value != null) {
                href.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
            }
        }

        private static LocalDate date(String text, List<String> problems) {
            if (text == null) {
                return null;
            }
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                problems.add("console.search.badDate");
                return null;
            }
        }

        private static String trim(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }
}
