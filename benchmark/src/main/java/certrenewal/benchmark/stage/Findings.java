package certrenewal.benchmark.stage;

/**
 * What the measurements point to, with the fix proposed, each said in the report when its
 * evidence shows up in the run. They name the app's classes: they go stale when those change.
 */
public final class Findings {
    static final String AUDIT_WAIT = "Issuing callers still wait inside the audit append. Since the audit outbox (V3),"
            + " JdbcAuditTrail.append is one INSERT into audit_pending and takes no lock shared with other requests;"
            + " the chain's head is locked only by the sealer, after commit. Waits there now point at the database"
            + " itself (connection pool size, commit and WAL flush), not at the chain: look at the pool's size against"
            + " the callers, and at PostgreSQL's wait events.";

    static final String CA_CHECKS = "With a P-256 CA the adapter verifies two signatures per certificate and makes one:"
            + " the request's (proof of possession, needed) and, in PreIssuanceCheck, the one on the certificate it has"
            + " just made. AWS-LC does all three where it loads (SignatureProviders; on a 2-core VM a P-256 check took"
            + " 80 µs there against 320 µs with BouncyCastle), and JFR does not sample its native code: the CA's Java"
            + " work left is building and parsing the certificate and the checks of key and profile. The second"
            + " verification guards against a faulty signer (with RSA-CRT a faulty signature gives the key away; with"
            + " ECDSA the risk is smaller): dropping it for EC keys is a trade to make knowingly in adapters-pki.";

    static final String STARTUP_HASHING = "Password hashing (600,000 PBKDF2 iterations, 0.3–0.5 s of CPU each) still takes"
            + " a large share of the CPU before the first answer. Decoy hashes cost nothing since"
            + " PasswordHasherPort.decoyHash, and the demo IDs (DemoData) and bootstrap staff accounts (StaffBootstrap)"
            + " are made on ServerStartupEvent, after the server listens: look for a new caller of"
            + " PasswordHasherPort.hash during start-up.";

    public static final String EST_COST = "EST into PostgreSQL stays under the cfssl peer doing the same work: both pay a"
            + " mutual-TLS handshake per request ((5) shows what one costs here), but cfssl's signing and certdb insert"
            + " add little to it in Go, where a renewal adds HTTP routing and EST encoding in Micronaut, a durable"
            + " transaction of 10 SQL statements with its audit entries, and the CA's checks in Java (the request's"
            + " signature, the profile, the pre-issuance check). The evidence above gives the server's CPU per request"
            + " on each TLS line and the JFR profile of the EST server which part is largest; the statements per"
            + " renewal were already cut from 16 to 10 (StatementsPerIssuanceTest counts them). A longer warm-up does not"
            + " close the gap: with -Dbenchmark.server.warmups=40000 every server's JIT settled, and the EST servers'"
            + " CPU per renewal stayed where it was (2026-12-03). Nor would plain JDBC: Micronaut Data, its transaction"
            + " manager and Hikari were about 2% of the EST server's CPU under load. Parity with cfssl would need the"
            + " whole renewal, TLS and HTTP included, in about the CPU that cfssl spends on a request (see the README,"
            + " issue 14, fourth session).";

    static final String DASHBOARD = "Counting the dashboard takes longer than a view may: GROUP BY status over every"
            + " certificate, then the week and day sums, even as index-only scans. Views do not wait for it:"
            + " ConsoleQueryService keeps the figures up to certrenewal.administration.dashboard-max-age (60 s) and"
            + " shows when they were counted, and DashboardRefresher counts them anew every 30 s in the background."
            + " If counting itself must become cheap: a summary table of counts per status and expiry week, kept by"
            + " the audit sealer or a scheduled job.";

    static final String PREFIX_SEARCH = "Search by login-ID prefix is slow although PostgreSQL has the pattern index"
            + " (V4: login_id varchar_pattern_ops, needed because B-trees serve LIKE only under the C collation): check"
            + " with EXPLAIN that the planner folds the escaped pattern into an index range, and that the statistics"
            + " are current (ANALYZE).";

    static final String CRL_READ = "Reading the CRL's entries is most of its generation. PostgreSQL has the partial"
            + " covering index (V4: revoked and superseded certificates in CRL order, with every column the CRL reads);"
            + " if the read is still slow, check with EXPLAIN that it is an index-only scan (the visibility map needs a"
            + " VACUUM after bulk loads). Keeping the DER in a table of its own would make every scan of certificate"
            + " about three times smaller.";

    private Findings() {
    }
}
