package certrenewal.benchmark.stage;

/**
 * What the measurements point to, with the fix proposed, each said in the report when its
 * evidence shows up in the run. They name the app's classes: they go stale when those change.
 */
public final class Findings {
    static final String AUDIT_HEAD = "Issuing transactions take turns on the audit head. Every audit append locks the"
            + " single audit_head row (SELECT … FOR UPDATE in JdbcAuditTrail.append) until the caller's transaction"
            + " ends, commit included; an issuance appends at CERTIFICATE_ISSUED (CertificateIssuer), an EST renewal"
            + " again at RENEWAL_ISSUED, so the rest of every issuing transaction and its commit (on PostgreSQL its WAL"
            + " flush) run one at a time and more callers do not issue faster. Fix in adapters-persistence: the"
            + " business transaction inserts its audit rows without touching audit_head (ids from a sequence, chain"
            + " columns empty), and one sealer (a scheduled job or a single writer thread) links committed rows in id"
            + " order into the hash chain and advances audit_head, passing over the ids of rolled-back transactions"
            + " after a grace period; the trail is as tamper-evident as now once sealed, seconds later, and issuances"
            + " commit in parallel (PostgreSQL can then group their commits). A smaller step: Audit buffers an"
            + " operation's events and appends them together just before commit, which shortens the locked section"
            + " but keeps the commit inside it.";

    static final String CA_CHECKS = "With a P-256 CA the adapter spends more on verifying than on signing: it verifies"
            + " the request's signature (proof of possession, needed) and, in PreIssuanceCheck, the signature of the"
            + " certificate it has just made, two ECDSA verifications that cost BouncyCastle about twice a signature"
            + " each; the other checks are small. The second verification guards against a faulty signer (with RSA-CRT"
            + " a faulty signature gives the key away; with ECDSA the risk is smaller): dropping it for EC keys, or"
            + " verifying with the JDK's provider if it proves faster on the production JVM, is a trade to make"
            + " knowingly in adapters-pki. Nothing else in the CA limits issuance; the database does (below).";

    static final String STARTUP_HASHING = "Start-up hashes passwords with 600,000 PBKDF2 iterations several times before"
            + " it serves, 0.3–0.5 s of CPU each here: a decoy hash in the constructors of LoginPasswords, PickUpService"
            + " and StaffService, one hash per demo ID (DemoData) and per bootstrapped staff account (StaffBootstrap)."
            + " Fix in application and app: a decoy only has to cost as much to verify as a real hash, so make it on"
            + " first use or ship a fixed 600,000-iteration hash of a random password; give the demo IDs one shared"
            + " hash of their shared password and create the staff accounts after the server serves. Class loading and"
            + " the Micronaut context come next; an AppCDS archive (-XX:+AutoCreateSharedArchive"
            + " -XX:SharedArchiveFile=…) in the run profile would cut the class loading.";

    public static final String EST_COST = "An EST renewal costs far more than a cfssl signature: a full TLS handshake with a"
            + " client certificate per renewal (one connection per ID, nothing to resume), about 17 SQL statements"
            + " (three of them per audit append, two appends, under the audit head lock) and the CA's checks, where"
            + " cfssl signs over a kept-alive plain-HTTP connection and stores nothing. (3)/(4) ≥ 1 is out of reach"
            + " with TLS per request and a durable, audited transaction. What can be won: the audit fix above; fewer"
            + " statements per renewal (RenewalService.renew and AuthenticationService load the account and the"
            + " certificate more than once and look up open and unconfirmed renewals apart); and Netty's native TLS"
            + " (netty-tcnative, OpenSSL/BoringSSL) in place of the JDK's engine for the handshakes.";

    static final String DASHBOARD = "The console dashboard counts the whole certificate table on every view (GROUP BY"
            + " status over every row, then the week and day sums): over a second at a million certificates even as"
            + " an index-only scan. Fix in adapters-persistence (JdbcConsoleQueryAdapter.dashboard) or"
            + " ConsoleQueryService: serve the figures from a cache refreshed every minute, or from a small summary"
            + " table a scheduled job keeps; a dashboard need not be exact to the second.";

    static final String PREFIX_SEARCH = "Search by login-ID prefix reads the whole certificate table: login_id LIKE"
            + " 'prefix%' cannot use the B-tree index under this database's collation (PostgreSQL uses B-trees for"
            + " LIKE only under the C collation or with *_pattern_ops), so the count and the page each scan every row."
            + " Fix in JdbcConsoleQueryAdapter.search: add the range login_id >= prefix AND login_id < (prefix with its"
            + " last character incremented) beside the LIKE, which stays for exactness; with it the page query took"
            + " under 2 ms in EXPLAIN ANALYZE on this data set (exact under a code-point collation such as C.UTF-8"
            + " here; declaring login_id COLLATE \"C\" makes it so everywhere).";

    static final String CRL_READ = "Reading the CRL's entries is most of its generation: the planner scans the whole"
            + " certificate table (every row carries its DER, 1.3 GB at a million) rather than fetch the revoked rows"
            + " through the (status, not_after) index. A covering index (status, not_after) INCLUDE (serial,"
            + " revoked_at, revocation_reason) took the read from about 1,000 ms to 130 ms in EXPLAIN ANALYZE on this"
            + " data set (H2 has no INCLUDE; an index on all five columns serves both databases). Keeping the DER in a"
            + " table of its own would also make every scan of certificate about three times smaller.";

    private Findings() {
    }
}
