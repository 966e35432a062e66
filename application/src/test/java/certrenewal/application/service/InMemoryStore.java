package certrenewal.application.service;

import certrenewal.application.port.out.ApprovalRequestPort;
import certrenewal.application.port.out.AuditEvent;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.ConcurrentUpdateException;
import certrenewal.application.port.out.ContactPort;
import certrenewal.application.port.out.ContractPort;
import certrenewal.application.port.out.IssuanceGrant;
import certrenewal.application.port.out.IssuanceGrantPort;
import certrenewal.application.port.out.LoadAccountPort;
import certrenewal.application.port.out.LoadCertificatePort;
import certrenewal.application.port.out.PasswordPort;
import certrenewal.application.port.out.PickupFailuresPort;
import certrenewal.application.port.out.RenewalPort;
import certrenewal.application.port.out.RevocationListPort;
import certrenewal.application.port.out.RevokedCertificate;
import certrenewal.application.port.out.SaveAccountPort;
import certrenewal.application.port.out.SaveCertificatePort;
import certrenewal.domain.administration.ApprovalRequest;
import certrenewal.domain.administration.StaffAccount;
import certrenewal.application.port.out.StaffAccountPort;
import certrenewal.application.port.out.StaffCertificatePort;
import certrenewal.domain.administration.StaffCertificate;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.account.Contract;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.account.PasswordState;
import certrenewal.domain.certificate.Certificate;
import certrenewal.domain.certificate.CertificateStatus;
import certrenewal.domain.certificate.SerialNumber;
import certrenewal.domain.renewal.Renewal;
import certrenewal.domain.renewal.RenewalId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The database as the services see it, in memory. Like the real one: writes only inside a
 * transaction, a transaction whose work throws leaves nothing behind, every update must carry the
 * version it was loaded with (and bumps it), and an ID has at most one open renewal.
 */
final class InMemoryStore implements LoadAccountPort, SaveAccountPort, ContractPort, LoadCertificatePort,
        SaveCertificatePort, RenewalPort, AuditTrailPort, TransactionPort, PasswordPort, IssuanceGrantPort,
        StaffAccountPort, RevocationListPort, PickupFailuresPort, ContactPort, ApprovalRequestPort, StaffCertificatePort {

    private State state = new State();
    private int depth;
    /** Run once the outermost transaction commits; each action once, as the real adapter does. */
    private final Set<Runnable> afterCommit = new java.util.LinkedHashSet<>();
    private final Set<String> failingAuditActions = new HashSet<>();
    private int commits;
    private boolean conflictOnNextAccountUpdate;
    private boolean grantTakenOnNextDelete;
    private int revocationListReadsInTransaction;

    private static final class State {
        final Map<ContractNumber, Contract> contracts = new LinkedHashMap<>();
        final Map<LoginId, LoginAccount> accounts = new LinkedHashMap<>();
        final Map<SerialNumber, Certificate> certificates = new LinkedHashMap<>();
        final Map<SerialNumber, String> publicKeys = new LinkedHashMap<>();
        final Map<LoginId, PickupFailures> pickupFailures = new LinkedHashMap<>();
        final Map<RenewalId, Renewal> renewals = new LinkedHashMap<>();
        final List<AuditEvent> audit = new ArrayList<>();
        final Map<LoginId, String> passwordHashes = new LinkedHashMap<>();
        final Map<LoginId, List<String>> previousPasswordHashes = new LinkedHashMap<>();
        final Map<LoginId, PasswordState> passwordStates = new LinkedHashMap<>();
        final Map<LoginId, IssuanceGrant> grants = new LinkedHashMap<>();
        final Map<String, StaffAccount> staff = new LinkedHashMap<>();
        final Map<SerialNumber, StaffCertificate> staffCertificates = new LinkedHashMap<>();
        /** Replaced staff password hashes, oldest first. */
        final List<Map.Entry<String, String>> replacedStaffPasswords = new ArrayList<>();
        final Map<LoginId, certrenewal.domain.notice.ContactDetails> contacts = new LinkedHashMap<>();
        final Map<Long, ApprovalRequest> approvals = new LinkedHashMap<>();

        State copy() {
            State copy = new State();
            copy.approvals.putAll(approvals);
            copy.contracts.putAll(contracts);
            copy.accounts.putAll(accounts);
            copy.publicKeys.putAll(publicKeys);
            copy.pickupFailures.putAll(pickupFailures);
            copy.certificates.putAll(certificates);
            copy.renewals.putAll(renewals);
            copy.audit.addAll(audit);
            copy.passwordHashes.putAll(passwordHashes);
            previousPasswordHashes.forEach((id, hashes) -> copy.previousPasswordHashes.put(id, new ArrayList<>(hashes)));
            copy.passwordStates.putAll(passwordStates);
            copy.grants.putAll(grants);
            copy.staff.putAll(staff);
            copy.staffCertificates.putAll(staffCertificates);
            copy.replacedStaffPasswords.addAll(replacedStaffPasswords);
            copy.contacts.putAll(contacts);
            return copy;
        }
    }

    // ---- test controls and look-ups (no transaction needed) ----

    /** Appending an audit entry with this action throws, as a database failing mid-transaction would. */
    void failAuditAppendsOf(String action) {
        failingAuditActions.add(action);
    }

    void stopFailingAuditAppends() {
        failingAuditActions.clear();
    }

    /** Stores or overwrites directly, as test set-up: no version check. */
    void put(LoginAccount account) {
        state.accounts.put(account.id(), account);
    }

    void put(Certificate certificate) {
        state.certificates.put(certificate.serial(), certificate);
    }

    void put(Renewal renewal) {
        state.renewals.put(renewal.id(), renewal);
    }

    void put(StaffAccount account) {
        state.staff.put(account.username(), account);
    }

    void put(IssuanceGrant grant) {
        state.grants.put(grant.loginId(), grant);
    }

    void putPasswordHash(LoginId id, String hash) {
        state.passwordHashes.put(id, hash);
    }

    /** The next account update fails as if another request had changed the account first. */
    void conflictOnNextAccountUpdate() {
        conflictOnNextAccountUpdate = true;
    }

    /** The next deleteGrant finds the grant gone, as if a parallel pickup had used it first. */
    void grantTakenOnNextDelete() {
        grantTakenOnNextDelete = true;
    }

    List<LoginAccount> accountsOf(ContractNumber contract) {
        return state.accounts.values().stream().filter(a -> a.contract().equals(contract)).toList();
    }

    /** How often the revocation list was read inside a transaction, i.e. before the work in hand was committed. */
    int revocationListReadsInTransaction() {
        return revocationListReadsInTransaction;
    }

    String passwordHash(LoginId id) {
        return state.passwordHashes.get(id);
    }

    IssuanceGrant grant(LoginId id) {
        return state.grants.get(id);
    }

    StaffAccount staff(String username) {
        return state.staff.get(username);
    }

    /** Everything stored but the audit trail, to show that a refused request changed nothing. */
    String contents() {
        return List.of(state.contracts, state.accounts, state.certificates, state.renewals, state.passwordHashes,
                state.previousPasswordHashes, state.passwordStates, state.grants, state.staff, state.approvals,
                state.staffCertificates).toString();
    }

    LoginAccount account(LoginId id) {
        return state.accounts.get(id);
    }

    Certificate certificate(SerialNumber serial) {
        return state.certificates.get(serial);
    }

    List<Certificate> certificates() {
        return List.copyOf(state.certificates.values());
    }

    Renewal renewal(RenewalId id) {
        return state.renewals.get(id);
    }

    List<Renewal> renewals() {
        return List.copyOf(state.renewals.values());
    }

    List<Contract> contracts() {
        return List.copyOf(state.contracts.values());
    }

    List<AuditEvent> audit() {
        return List.copyOf(state.audit);
    }

    List<String> auditActions() {
        return state.audit.stream().map(AuditEvent::action).toList();
    }

    /** The entries with this action, oldest first. */
    List<AuditEvent> audit(String action) {
        return state.audit.stream().filter(e -> e.action().equals(action)).toList();
    }

    int commits() {
        return commits;
    }

    // ---- ApprovalRequestPort ----

    @Override
    public ApprovalRequest insertRequest(ApprovalRequest request) {
        requireTransaction("insert approval request");
        long id = state.approvals.size() + 1L;
        ApprovalRequest stored = new ApprovalRequest(id, request.action(), request.target(), request.command(),
                request.requester(), request.reason(), request.requestedAt(), request.deadline(), request.state(),
                request.decidedBy(), request.decidedAt(), request.outcome());
        state.approvals.put(id, stored);
        return stored;
    }

    @Override
    public Optional<ApprovalRequest> loadRequest(long id) {
        return Optional.ofNullable(state.approvals.get(id));
    }

    @Override
    public boolean updateRequest(ApprovalRequest next, ApprovalRequest.State expected) {
        requireTransaction("update approval request");
        ApprovalRequest stored = state.approvals.get(next.id());
        if (stored == null || stored.state() != expected) {
            return false;
        }
        state.approvals.put(next.id(), next);
        return true;
    }

    @Override
    public List<ApprovalRequest> pendingRequests(int limit) {
        return state.approvals.values().stream().filter(r -> r.state() == ApprovalRequest.State.PENDING)
                .limit(limit).toList();
    }

    @Override
    public List<ApprovalRequest> requestsBy(String requester, int limit) {
        return state.approvals.values().stream().filter(r -> r.requester().equals(requester))
                .sorted(java.util.Comparator.comparing(ApprovalRequest::id).reversed()).limit(limit).toList();
    }

    // ---- TransactionPort ----

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        State snapshot = state.copy();
        depth++;
        boolean committed = false;
        try {
            T result = work.get();
            if (depth == 1) {
                commits++;
                committed = true;
            }
            return result;
        } catch (RuntimeException | Error e) {
            state = snapshot;
            if (depth == 1) {
                afterCommit.clear();
            }
            throw e;
        } finally {
            depth--;
            if (committed) {
                List<Runnable> actions = List.copyOf(afterCommit);
                afterCommit.clear();
                actions.forEach(Runnable::run);
            }
        }
    }

    @Override
    public void afterCommit(Runnable action) {
        requireTransaction("afterCommit");
        afterCommit.add(action);
    }

    private void requireTransaction(String what) {
        if (depth == 0) {
            throw new IllegalStateException(what + " outside a transaction");
        }
    }

    private static ConcurrentUpdateException conflict(String message) {
        return new ConcurrentUpdateException(message, null);
    }

    // ---- contracts ----

    @Override
    public Optional<Contract> loadContract(ContractNumber number) {
        return Optional.ofNullable(state.contracts.get(number));
    }

    @Override
    public void insertContract(Contract contract) {
        requireTransaction("insertContract");
        if (state.contracts.putIfAbsent(contract.number(), contract) != null) {
            throw conflict("contract " + contract.number() + " exists");
        }
    }

    // ---- accounts ----

    @Override
    public Optional<LoginAccount> loadAccount(LoginId id) {
        return Optional.ofNullable(state.accounts.get(id));
    }

    @Override
    public Optional<AccountOfContract> loadAccountWithContract(LoginId id) {
        return loadAccount(id).flatMap(account -> loadContract(account.contract())
                .map(contract -> new AccountOfContract(account, contract)));
    }

    @Override
    public Optional<AccountWithPasswordState> loadAccountWithPasswordState(LoginId id) {
        return loadAccount(id).map(account -> new AccountWithPasswordState(account,
                state.passwordStates.getOrDefault(id, PasswordState.INITIAL)));
    }

    @Override
    public void insertAccount(LoginAccount account) {
        requireTransaction("insertAccount");
        if (state.accounts.putIfAbsent(account.id(), account) != null) {
            throw conflict("login ID " + account.id() + " exists");
        }
    }

    @Override
    public Optional<certrenewal.domain.notice.ContactDetails> loadContact(LoginId id) {
        return Optional.ofNullable(state.contacts.get(id));
    }

    @Override
    public void saveContact(certrenewal.domain.notice.ContactDetails contact) {
        requireTransaction("saveContact");
        state.contacts.put(contact.loginId(), contact);
    }

    @Override
    public void updateAccount(LoginAccount account) {
        requireTransaction("updateAccount");
        LoginAccount stored = state.accounts.get(account.id());
        if (conflictOnNextAccountUpdate) {
            conflictOnNextAccountUpdate = false;
            throw conflict("login ID " + account.id() + " changed meanwhile (simulated)");
        }
        if (stored == null || stored.version() != account.version()) {
            throw conflict("login ID " + account.id() + " changed meanwhile");
        }
        state.accounts.put(account.id(), new LoginAccount(account.id(), account.contract(), account.kind(),
                account.status(), account.failedPasswordAttempts(), account.currentCertificate(), account.version() + 1));
    }

    // ---- certificates ----

    @Override
    public Optional<Certificate> loadCertificate(SerialNumber serial) {
        return Optional.ofNullable(state.certificates.get(serial));
    }

    @Override
    public List<Certificate> findCertifying(byte[] subjectPublicKeyInfo) {
        String key = java.util.HexFormat.of().formatHex(subjectPublicKeyInfo);
        return state.certificates.values().stream().filter(c -> key.equals(state.publicKeys.get(c.serial()))).toList();
    }

    @Override
    public List<Instant> issuedAfter(LoginId owner, Instant after) {
        return state.certificates.values().stream()
                .filter(c -> c.owner().equals(owner) && c.notBefore().isAfter(after))
                .map(Certificate::notBefore).toList();
    }

    @Override
    public void insertCertificate(Certificate certificate, byte[] subjectPublicKeyInfo) {
        requireTransaction("insertCertificate");
        if (state.certificates.putIfAbsent(certificate.serial(), certificate) != null) {
            throw conflict("serial " + certificate.serial() + " exists");
        }
        state.publicKeys.put(certificate.serial(), java.util.HexFormat.of().formatHex(subjectPublicKeyInfo));
    }

    @Override
    public void updateCertificate(Certificate c) {
        requireTransaction("updateCertificate");
        Certificate stored = state.certificates.get(c.serial());
        if (stored == null || stored.version() != c.version()) {
            throw conflict("certificate " + c.serial() + " changed meanwhile");
        }
        state.certificates.put(c.serial(), new Certificate(c.serial(), c.owner(), c.subject(), c.issuer(), c.notBefore(),
                c.notAfter(), c.storedStatus(), c.revocationReason(), c.revokedAt(), c.der(), c.sha256Fingerprint(),
                c.version() + 1));
    }

    // ---- renewals ----

    @Override
    public Optional<Renewal> loadRenewal(RenewalId id) {
        return Optional.ofNullable(state.renewals.get(id));
    }

    @Override
    public Optional<Renewal> findOpenRenewal(LoginId loginId) {
        return state.renewals.values().stream().filter(r -> r.loginId().equals(loginId) && r.isOpen()).findFirst();
    }

    @Override
    public List<Renewal.Issued> findUnconfirmedRenewals(LoginId loginId) {
        return state.renewals.values().stream()
                .filter(r -> r instanceof Renewal.Issued && r.loginId().equals(loginId))
                .map(Renewal.Issued.class::cast)
                .toList();
    }

    @Override
    public Optional<Renewal.Issued> findUnconfirmedRenewalIssuing(SerialNumber newSerial) {
        return state.renewals.values().stream()
                .filter(r -> r instanceof Renewal.Issued issued && issued.newSerial().equals(newSerial))
                .map(Renewal.Issued.class::cast)
                .findFirst();
    }

    @Override
    public List<Renewal> findOpenRenewalsStartedBefore(Instant startedBefore, int limit) {
        return state.renewals.values().stream()
                .filter(r -> r.isOpen() && r.startedAt().isBefore(startedBefore))
                .sorted(Comparator.comparing(Renewal::startedAt))
                .limit(limit)
                .toList();
    }

    @Override
    public void insertRenewal(Renewal renewal) {
        requireTransaction("insertRenewal");
        if (state.renewals.containsKey(renewal.id())) {
            throw conflict("renewal " + renewal.id() + " exists");
        }
        requireNoOtherOpen(renewal);
        state.renewals.put(renewal.id(), renewal);
    }

    @Override
    public void updateRenewal(Renewal renewal) {
        requireTransaction("updateRenewal");
        Renewal stored = state.renewals.get(renewal.id());
        if (stored == null || stored.version() != renewal.version()) {
            throw conflict("renewal " + renewal.id() + " changed meanwhile");
        }
        requireNoOtherOpen(renewal);
        state.renewals.put(renewal.id(), withVersion(renewal, renewal.version() + 1));
    }

    /** What the database's partial unique index on open renewals does. */
    private void requireNoOtherOpen(Renewal renewal) {
        if (renewal.isOpen() && state.renewals.values().stream()
                .anyMatch(r -> r.isOpen() && r.loginId().equals(renewal.loginId()) && !r.id().equals(renewal.id()))) {
            throw conflict("login ID " + renewal.loginId() + " already has an open renewal");
        }
    }

    static Renewal withVersion(Renewal r, long v) {
        return switch (r) {
            case Renewal.Started s -> new Renewal.Started(s.id(), s.loginId(), s.oldSerial(), s.startedAt(), v);
            case Renewal.AwaitingKey a -> new Renewal.AwaitingKey(a.id(), a.loginId(), a.oldSerial(), a.startedAt(), v);
            case Renewal.Issued i -> new Renewal.Issued(i.id(), i.loginId(), i.oldSerial(), i.startedAt(), v,
                    i.newSerial(), i.issuedAt());
            case Renewal.Confirmed c -> new Renewal.Confirmed(c.id(), c.loginId(), c.oldSerial(), c.startedAt(), v,
                    c.newSerial(), c.issuedAt(), c.confirmedAt());
            case Renewal.Abandoned a -> new Renewal.Abandoned(a.id(), a.loginId(), a.oldSerial(), a.startedAt(), v,
                    a.endedAt(), a.reason());
            case Renewal.Failed f -> new Renewal.Failed(f.id(), f.loginId(), f.oldSerial(), f.startedAt(), v,
                    f.endedAt(), f.reason());
        };
    }

    // ---- passwords ----

    @Override
    public Optional<String> loadPasswordHash(LoginId id) {
        return Optional.ofNullable(state.passwordHashes.get(id));
    }

    @Override
    public void savePasswordHash(LoginId id, String hash) {
        requireTransaction("savePasswordHash");
        String replaced = state.passwordHashes.put(id, hash);
        if (replaced != null) {
            state.previousPasswordHashes.computeIfAbsent(id, k -> new ArrayList<>()).add(0, replaced);
        }
    }

    @Override
    public List<String> previousPasswordHashes(LoginId id, int count) {
        List<String> previous = state.previousPasswordHashes.getOrDefault(id, List.of());
        return List.copyOf(previous.subList(0, Math.min(count, previous.size())));
    }

    @Override
    public Optional<PasswordState> loadPasswordState(LoginId id) {
        if (!state.accounts.containsKey(id)) {
            return Optional.empty();
        }
        return Optional.of(state.passwordStates.getOrDefault(id, PasswordState.INITIAL));
    }

    @Override
    public void savePasswordState(LoginId id, PasswordState passwordState) {
        requireTransaction("savePasswordState");
        state.passwordStates.put(id, passwordState);
    }

    // ---- issuance grants ----

    @Override
    public void saveGrant(IssuanceGrant grant) {
        requireTransaction("saveGrant");
        state.grants.put(grant.loginId(), grant);
    }

    @Override
    public Optional<IssuanceGrant> loadGrant(LoginId loginId) {
        return Optional.ofNullable(state.grants.get(loginId));
    }

    @Override
    public boolean deleteGrant(LoginId loginId) {
        requireTransaction("deleteGrant");
        boolean existed = state.grants.remove(loginId) != null;
        if (grantTakenOnNextDelete) {
            grantTakenOnNextDelete = false;
            return false;
        }
        return existed;
    }

    // ---- staff ----

    @Override
    public Optional<StaffAccount> loadStaff(String username) {
        return Optional.ofNullable(state.staff.get(username));
    }

    @Override
    public long countStaff() {
        return state.staff.size();
    }

    @Override
    public void insertStaff(StaffAccount account) {
        requireTransaction("insertStaff");
        if (state.staff.putIfAbsent(account.username(), account) != null) {
            throw conflict("staff account " + account.username() + " exists");
        }
    }

    @Override
    public void updateStaff(StaffAccount a) {
        requireTransaction("updateStaff");
        StaffAccount stored = state.staff.get(a.username());
        if (stored == null || stored.version() != a.version()) {
            throw conflict("staff account " + a.username() + " changed meanwhile");
        }
        state.staff.put(a.username(), new StaffAccount(a.username(), a.role(), a.passwordHash(),
                a.failedPasswordAttempts(), a.lockedUntil(), a.lockouts(), a.disabled(), a.mustChangePassword(),
                a.sessionGeneration(), a.version() + 1));
    }

    @Override
    public List<StaffAccount> listStaff() {
        return state.staff.values().stream().sorted(java.util.Comparator.comparing(StaffAccount::username)).toList();
    }

    @Override
    public long countActiveSecurityAdministrators() {
        return state.staff.values().stream().filter(StaffAccount::activeSecurityAdministrator).count();
    }

    @Override
    public void rememberReplacedPassword(String username, String passwordHash, Instant replacedAt) {
        requireTransaction("rememberReplacedPassword");
        state.replacedStaffPasswords.add(Map.entry(username, passwordHash));
    }

    @Override
    public List<String> replacedPasswordHashes(String username, int count) {
        List<String> hashes = new ArrayList<>(state.replacedStaffPasswords.stream()
                .filter(e -> e.getKey().equals(username)).map(Map.Entry::getValue).toList());
        java.util.Collections.reverse(hashes);
        return hashes.subList(0, Math.min(count, hashes.size()));
    }

    // ---- staff certificates ----

    @Override
    public void insertStaffCertificate(StaffCertificate certificate) {
        requireTransaction("insertStaffCertificate");
        if (state.staffCertificates.putIfAbsent(certificate.serial(), certificate) != null) {
            throw new IllegalStateException("staff certificate " + certificate.serial() + " exists");
        }
    }

    @Override
    public Optional<StaffCertificate> loadStaffCertificate(SerialNumber serial) {
        return Optional.ofNullable(state.staffCertificates.get(serial));
    }

    @Override
    public Optional<StaffCertificate> currentStaffCertificate(String username) {
        return state.staffCertificates.values().stream()
                .filter(c -> c.username().equals(username) && c.current()).findFirst();
    }

    @Override
    public void endStaffCertificate(StaffCertificate ended) {
        requireTransaction("endStaffCertificate");
        StaffCertificate stored = state.staffCertificates.get(ended.serial());
        if (stored == null || !stored.current()) {
            throw conflict("staff certificate " + ended.serial() + " ended meanwhile");
        }
        state.staffCertificates.put(ended.serial(), ended);
    }

    @Override
    public List<StaffCertificate> staffCertificatesOf(String username) {
        List<StaffCertificate> of = new ArrayList<>(state.staffCertificates.values().stream()
                .filter(c -> c.username().equals(username)).toList());
        java.util.Collections.reverse(of);
        return of;
    }

    // ---- revocation list ----

    @Override
    public List<RevokedCertificate> revokedUnexpired(Instant now) {
        if (depth > 0) {
            revocationListReadsInTransaction++;
        }
        return state.certificates.values().stream()
                .filter(c -> c.storedStatus() != CertificateStatus.ACTIVE && c.notAfter().isAfter(now))
                .map(c -> new RevokedCertificate(c.serial(), c.revokedAt(), c.revocationReason()))
                .toList();
    }

    // ---- audit ----

    @Override
    public void append(AuditEvent event) {
        requireTransaction("append audit entry");
        if (failingAuditActions.contains(event.action())) {
            throw new IllegalStateException("audit trail unavailable for " + event.action());
        }
        state.audit.add(event);
    }

    // ---- PickupFailuresPort: each call its own transaction, as the real adapter's ----

    @Override
    public Optional<PickupFailures> loadFailures(LoginId id) {
        return Optional.ofNullable(state.pickupFailures.get(id));
    }

    @Override
    public void recordFailure(LoginId id, Instant at, Instant countsSince) {
        inTransaction(() -> state.pickupFailures.merge(id, new PickupFailures(1, at),
                (counted, one) -> new PickupFailures(counted.last().isBefore(countsSince) ? 1 : counted.count() + 1, at)));
    }

    @Override
    public void clearFailures(LoginId id) {
        inTransaction(() -> state.pickupFailures.remove(id));
    }

    @Override
    public int forgetFailuresBefore(Instant before) {
        return inTransaction(() -> {
            List<LoginId> old = state.pickupFailures.entrySet().stream()
                    .filter(counted -> counted.getValue().last().isBefore(before)).map(Map.Entry::getKey).toList();
            old.forEach(state.pickupFailures::remove);
            return old.size();
        });
    }
}
