package certrenewal.benchmark.scale;

import certrenewal.application.port.in.GetCrlUseCase;
import certrenewal.application.readmodel.CertificateSearch;
import certrenewal.application.port.in.console.SearchRecordsUseCase;
import certrenewal.application.port.in.console.ViewDashboardUseCase;
import certrenewal.application.port.out.ConsoleQueryPort;
import certrenewal.application.port.out.RevocationListPort;
import certrenewal.benchmark.measure.LoadRun;
import certrenewal.benchmark.measure.Measurement;
import certrenewal.benchmark.measure.Percentiles;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.StaffRole;
import certrenewal.domain.certificate.CertificateStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * The staff console's look-ups (issue 4) at scale, through their use cases, one caller: the
 * dashboard, the kinds of search an operator makes, and signing the CRL.
 */
public final class ConsoleLookups {
    public static final String BY_LOGIN_ID_PREFIX = "by login ID prefix (10 IDs)";
    private static final Actor OPERATOR = new Actor.Staff("benchmark", StaffRole.OPERATOR);
    private static final int PAGE_SIZE = 50;

    private final ViewDashboardUseCase dashboard;
    private final SearchRecordsUseCase search;
    private final ScaleShape shape;
    private final Duration limit;

    public ConsoleLookups(ViewDashboardUseCase dashboard, SearchRecordsUseCase search, ScaleShape shape, Duration limit) {
        this.dashboard = dashboard;
        this.search = search;
        this.shape = shape;
        this.limit = limit;
    }

    /** A kind of search and its latencies. */
    public record SearchKind(String what, Percentiles latency) {
    }

    public Percentiles dashboard(int samples) {
        return time(Math.max(2, samples / 10), samples, limit, i -> dashboard.dashboard(OPERATOR));
    }

    /** Counting the dashboard's figures anew, as the background refresh does (no kept figures). */
    public static Percentiles dashboardCount(ConsoleQueryPort queries, int samples, Duration limit) {
        return time(1, samples, limit, i -> queries.dashboard(Instant.now(), ZoneId.of("Asia/Tokyo")));
    }

    /** @param serials hex serials of existing certificates, for the search by serial */
    public List<SearchKind> searches(int samplesPerKind, List<String> serials) {
        SplittableRandom random = new SplittableRandom(11);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return List.of(
                kind(BY_LOGIN_ID_PREFIX, samplesPerKind, i -> search(null,
                        ScaleShape.loginId(random.nextInt(shape.ids())).substring(0, 7), null, null, null, null)),
                kind("by contract number", samplesPerKind, i -> search(
                        ScaleShape.contractNumber(random.nextInt(shape.ids())), null, null, null, null, null)),
                kind("by serial number", samplesPerKind, i -> search(null, null,
                        serials.get(i % serials.size()), null, null, null)),
                kind("active, expiring in the next 40 days, first page", samplesPerKind, i -> search(null, null, null,
                        CertificateStatus.ACTIVE, today, today.plusDays(40))));
    }

    /** Signs a CRL of every revoked, unexpired certificate; each sample is a full publication. */
    public static Percentiles crl(GetCrlUseCase crl, int samples, Duration limit) {
        return time(1, samples, limit, i -> crl.publishCrl());
    }

    /** The database's share of a CRL: reading every revoked, unexpired certificate. */
    public static Percentiles revokedUnexpired(RevocationListPort revocations, int samples, Duration limit) {
        return time(1, samples, limit, i -> revocations.revokedUnexpired(Instant.now()));
    }

    private SearchKind kind(String what, int samples, IntFunction<?> search) {
        return new SearchKind(what, time(Math.max(5, samples / 10), samples, limit, search::apply));
    }

    private Object search(String contract, String loginIdPrefix, String serial, CertificateStatus status,
                          LocalDate expiryFrom, LocalDate expiryTo) {
        return search.search(OPERATOR, new CertificateSearch(contract, loginIdPrefix, serial, status, expiryFrom,
                expiryTo, CertificateSearch.SortField.NOT_AFTER, false, 0, PAGE_SIZE));
    }

    private static Percentiles time(int warmUps, int samples, Duration limit, LoadRun.Operation operation) {
        Measurement measured = new LoadRun(1, operation).run(warmUps, limit, samples, limit);
        if (measured.failures() > 0) {
            throw new IllegalStateException("console look-up failed: " + measured.firstFailure());
        }
        return measured.latency();
    }
}
