package certrenewal.application.service;

import certrenewal.application.readmodel.LoginIdSummary;
import certrenewal.application.readmodel.AuditFilter;
import certrenewal.application.readmodel.AuditRecord;
import certrenewal.application.readmodel.AuditVerification;
import certrenewal.application.readmodel.CertificateSummary;
import certrenewal.application.readmodel.CertificateSearch;
import certrenewal.application.readmodel.ContractDetails;
import certrenewal.application.readmodel.DashboardFigures;
import certrenewal.application.readmodel.LoginIdDetails;
import certrenewal.application.readmodel.SearchPage;
import certrenewal.application.port.out.AuditChainEnd;
import certrenewal.application.port.out.AuditEvent;
import certrenewal.application.port.out.AuditQueryPort;
import certrenewal.application.port.out.ConsoleQueryPort;
import certrenewal.domain.account.Contract;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.certificate.Certificate;
import certrenewal.domain.certificate.SerialNumber;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The read-only queries over {@link InMemoryStore}, computed naively (the database does them with
 * SQL), and a record of what each was asked: the services' part is passing the right time and zone.
 */
final class InMemoryConsoleQueries implements ConsoleQueryPort, AuditQueryPort {
    private final InMemoryStore store;
    final List<String> calls = new ArrayList<>();
    Instant lastNow;
    ZoneId lastZone;
    /** What verify() answers; the chain itself is the persistence adapter's to check. */
    Optional<Long> firstBroken = Optional.empty();
    /**
     * Stored hashes changed behind the chain's back, as someone who rewrites records and every
     * later hash would leave them; the chain's own check (firstBroken) does not see them.
     */
    final Map<Long, String> rewrittenHashes = new HashMap<>();
    /** Records cut off the chain's end together with its head, by someone who can write the database. */
    long recordsCutOff;

    InMemoryConsoleQueries(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public DashboardFigures dashboard(Instant now, ZoneId zone) {
        calls.add("dashboard");
        lastNow = now;
        lastZone = zone;
        return new DashboardFigures(Map.of(), List.of(), List.of(), now);
    }

    @Override
    public SearchPage<CertificateSummary> search(CertificateSearch search, Instant now) {
        calls.add("search");
        lastNow = now;
        List<CertificateSummary> rows = store.certificates().stream().map(c -> row(c, now)).toList();
        return new SearchPage<>(rows, search.page(), search.pageSize(), rows.size());
    }

    @Override
    public List<LoginIdSummary> loginIdsOf(ContractNumber contract, Instant now) {
        calls.add("loginIdsOf " + contract);
        lastNow = now;
        return store.loadContract(contract).stream()
                .flatMap(c -> accountsOf(contract).stream())
                .map(a -> summary(a, now))
                .toList();
    }

    @Override
    public Optional<LoginIdDetails> loginIdDetails(LoginId loginId, Instant now) {
        calls.add("loginIdDetails " + loginId);
        lastNow = now;
        return store.loadAccount(loginId).map(a -> new LoginIdDetails(summary(a, now), a.contract(),
                store.loadContract(a.contract()).map(Contract::name).orElse(""),
                store.certificates().stream().filter(c -> c.owner().equals(loginId)).map(c -> row(c, now)).toList(),
                List.of()));
    }

    @Override
    public Optional<ContractDetails> contractDetails(ContractNumber contract, Instant now) {
        calls.add("contractDetails " + contract);
        lastNow = now;
        return store.loadContract(contract).map(c -> new ContractDetails(c,
                accountsOf(contract).stream().map(a -> summary(a, now)).toList()));
    }

    @Override
    public Optional<LoginId> ownerOf(SerialNumber serial) {
        calls.add("ownerOf " + serial.hex());
        return store.loadCertificate(serial).map(Certificate::owner);
    }

    @Override
    public SearchPage<AuditRecord> read(AuditFilter filter) {
        calls.add("read");
        List<AuditEvent> events = store.audit();
        List<AuditRecord> newestFirst = IntStream.range(0, events.size()).map(i -> events.size() - 1 - i)
                .mapToObj(i -> record(i + 1, events.get(i)))
                .toList();
        int from = Math.min(filter.page() * filter.pageSize(), newestFirst.size());
        int to = Math.min(from + filter.pageSize(), newestFirst.size());
        return new SearchPage<>(newestFirst.subList(from, to), filter.page(), filter.pageSize(), newestFirst.size());
    }

    @Override
    public AuditVerification verify() {
        calls.add("verify");
        return new AuditVerification(store.audit().size(), firstBroken);
    }

    @Override
    public AuditChainEnd chainEnd() {
        calls.add("chainEnd");
        long lastSeq = lastSeq();
        return new AuditChainEnd(lastSeq, lastSeq == 0 ? "0".repeat(64) : storedHash(lastSeq));
    }

    @Override
    public Map<Long, String> storedHashes(Set<Long> seqs) {
        calls.add("storedHashes");
        Map<Long, String> hashes = new HashMap<>();
        seqs.stream().filter(seq -> seq >= 1 && seq <= lastSeq()).forEach(seq -> hashes.put(seq, storedHash(seq)));
        return hashes;
    }

    private long lastSeq() {
        return store.audit().size() - recordsCutOff;
    }

    /** A hash chain over the audit events, good enough to tell one record from another. */
    private String storedHash(long seq) {
        if (rewrittenHashes.containsKey(seq)) {
            return rewrittenHashes.get(seq);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((seq + " " + store.audit().get((int) seq - 1))
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<LoginAccount> accountsOf(ContractNumber contract) {
        return store.accountsOf(contract);
    }

    private LoginIdSummary summary(LoginAccount account, Instant now) {
        Optional<Certificate> certificate = account.currentCertificateSerial().map(store::certificate);
        return new LoginIdSummary(account.id(), account.kind(), account.status(), account.failedPasswordAttempts(),
                certificate.map(Certificate::serial).orElse(null),
                certificate.map(c -> c.statusAt(now)).orElse(null),
                certificate.map(Certificate::notAfter).orElse(null),
                store.grant(account.id()) != null);
    }

    private CertificateSummary row(Certificate c, Instant now) {
        LoginAccount owner = store.account(c.owner());
        ContractNumber contract = owner.contract();
        return new CertificateSummary(c.serial(), c.owner(), contract,
                store.loadContract(contract).map(Contract::name).orElse(""),
                c.statusAt(now), c.notBefore(), c.notAfter(), c.revokedAt(), c.revocationReason());
    }

    private static AuditRecord record(long seq, AuditEvent e) {
        return new AuditRecord(seq, e.at(), e.actor(), e.action(), e.target(), e.outcome(), e.detail());
    }
}
