package certrenewal.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.application.port.out.AuditEvent;
import certrenewal.application.port.out.ConcurrentUpdateException;
import certrenewal.application.port.out.ContractPort;
import certrenewal.application.port.out.LoadAccountPort;
import certrenewal.application.port.out.PasswordPort;
import certrenewal.application.port.out.LoadCertificatePort;
import certrenewal.application.port.out.RenewalPort;
import certrenewal.application.port.out.SaveAccountPort;
import certrenewal.application.port.out.SaveCertificatePort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.Rejection;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.AccountStatus;
import certrenewal.domain.account.Contract;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.IdKind;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.certificate.Certificate;
import certrenewal.domain.certificate.CertificateStatus;
import certrenewal.domain.certificate.RevocationReason;
import certrenewal.domain.certificate.SerialNumber;
import certrenewal.domain.certificate.SubjectName;
import certrenewal.domain.renewal.Renewal;
import certrenewal.domain.renewal.RenewalState;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the persistence adapter promises, run against each database it supports (one subclass
 * per database). Every test starts from empty tables; loads run outside any transaction.
 */
abstract class PersistenceAdapterContractTest {
    private static final Instant T0 = Instant.parse("2025-04-01T09:30:15Z");
    private static final ContractNumber CONTRACT = new ContractNumber("C0001");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicInteger IDS = new AtomicInteger();

    @Inject
    ContractPort contracts;
    @Inject
    LoadAccountPort accounts;
    @Inject
    SaveAccountPort savedAccounts;
    @Inject
    PasswordPort passwords;
    @Inject
    LoadCertificatePort certificates;
    @Inject
    SaveCertificatePort savedCertificates;
    @Inject
    RenewalPort renewals;
    @Inject
    JdbcAuditTrail auditTrail;
    @Inject
    TransactionPort transactions;
    @Inject
    TransactionOperations<Connection> jdbc;

    @BeforeEach
    void startFromEmptyTables() {
        sql("UPDATE login_account SET current_certificate_serial = NULL");
        sql("DELETE FROM renewal");
        sql("DELETE FROM certificate");
        sql("DELETE FROM login_account");
        sql("DELETE FROM contract");
        sql("DELETE FROM audit_entry");
        sql("UPDATE audit_head SET last_seq = 0, last_hash = '" + JdbcAuditTrail.GENESIS_HASH + "'");
        contracts.insertContract(new Contract(CONTRACT, "株式会社サンプル商事"));
    }

    // --- contracts and login IDs ---

    @Test
    void contractReadsBackAsStored() {
        Contract contract = new Contract(new ContractNumber("K42"), "Example, Inc. \"Tokyo\"");
        contracts.insertContract(contract);

        assertEquals(Optional.of(contract), contracts.loadContract(contract.number()));
        assertEquals(Optional.empty(), contracts.loadContract(new ContractNumber("K43")));
    }

    @Test
    void contractWithAnExistingNumberIsRefused() {
        assertThrows(ConcurrentUpdateException.class,
                () -> contracts.insertContract(new Contract(CONTRACT, "Another name")));
        assertEquals("株式会社サンプル商事", contracts.loadContract(CONTRACT).orElseThrow().name());
    }

    @Test
    void loginAccountReadsBackAsStored() {
        LoginAccount account = LoginAccount.register(new LoginId("admin.01"), CONTRACT, IdKind.ADMINISTRATOR);
        savedAccounts.insertAccount(account);

        assertEquals(Optional.of(account), accounts.loadAccount(account.id()));
        assertEquals(Optional.empty(), accounts.loadAccount(new LoginId("nobody")));
    }

    @Test
    void passwordHashIsStoredApartAndSurvivesAccountUpdates() {
        LoginAccount account = LoginAccount.register(new LoginId("pw-user"), CONTRACT, IdKind.USER);
        savedAccounts.insertAccount(account);
        assertEquals(Optional.empty(), passwords.loadPasswordHash(account.id()));

        passwords.savePasswordHash(account.id(), "pbkdf2-sha256$1$c2FsdA$aGFzaA");
        savedAccounts.updateAccount(account.recordFailedPassword(6));

        assertEquals(Optional.of("pbkdf2-sha256$1$c2FsdA$aGFzaA"), passwords.loadPasswordHash(account.id()));
        assertThrows(IllegalStateException.class, () -> passwords.savePasswordHash(new LoginId("nobody"), "x"));
    }

    @Test
    void loginAccountWithAnExistingIdIsRefused() {
        LoginAccount account = LoginAccount.register(new LoginId("user-1"), CONTRACT, IdKind.USER);
        savedAccounts.insertAccount(account);

        assertThrows(ConcurrentUpdateException.class, () -> savedAccounts.insertAccount(account));
    }

    @Test
    void accountUpdateStoresTheChangeAndAdvancesTheVersion() {
        Holder holder = holder();
        LoginAccount loaded = accounts.loadAccount(holder.id()).orElseThrow();

        savedAccounts.updateAccount(loaded.recordFailedPassword(1));

        LoginAccount reloaded = accounts.loadAccount(holder.id()).orElseThrow();
        assertEquals(AccountStatus.LOCKED, reloaded.status());
        assertEquals(1, reloaded.failedPasswordAttempts());
        assertEquals(Optional.of(holder.certificate().serial()), reloaded.currentCertificateSerial());
        assertEquals(loaded.version() + 1, reloaded.version());
    }

    @Test
    void accountUpdateLeavesThePasswordHashAlone() {
        Holder holder = holder();
        sql("UPDATE login_account SET password_hash = 'argon2id-hash' WHERE login_id = '" + holder.id() + "'");

        savedAccounts.updateAccount(accounts.loadAccount(holder.id()).orElseThrow().recordSuccessfulPassword());

        assertEquals("argon2id-hash", queryString("SELECT password_hash FROM login_account WHERE login_id = '" + holder.id() + "'"));
    }

    @Test
    void staleAccountUpdateFailsWithConcurrentUpdate() {
        Holder holder = holder();
        LoginAccount first = accounts.loadAccount(holder.id()).orElseThrow();
        LoginAccount second = accounts.loadAccount(holder.id()).orElseThrow();

        savedAccounts.updateAccount(first.recordFailedPassword(5));

        assertThrows(ConcurrentUpdateException.class, () -> savedAccounts.updateAccount(second.recordFailedPassword(5)));
        assertEquals(1, accounts.loadAccount(holder.id()).orElseThrow().failedPasswordAttempts());
    }

    // --- certificates ---

    @Test
    void certificateReadsBackWithItsDerBytesAndTimes() {
        LoginAccount account = account();
        Certificate certificate = certificate(account.id(), T0);
        savedCertificates.insertCertificate(certificate);

        assertSameCertificate(certificate, certificates.loadCertificate(certificate.serial()).orElseThrow());
        assertEquals(Optional.empty(), certificates.loadCertificate(serial()));
    }

    @Test
    void revokedCertificateReadsBackWithReasonAndTime() {
        Holder holder = holder();
        Certificate loaded = certificates.loadCertificate(holder.certificate().serial()).orElseThrow();
        Certificate revoked = loaded.revoke(RevocationReason.KEY_COMPROMISE, T0.plusSeconds(3600));

        savedCertificates.updateCertificate(revoked);

        Certificate reloaded = certificates.loadCertificate(revoked.serial()).orElseThrow();
        assertEquals(CertificateStatus.REVOKED, reloaded.storedStatus());
        assertEquals(RevocationReason.KEY_COMPROMISE, reloaded.revocationReason());
        assertEquals(T0.plusSeconds(3600), reloaded.revokedAt());
        assertEquals(loaded.version() + 1, reloaded.version());
        assertArrayEquals(loaded.der(), reloaded.der());
    }

    @Test
    void certificateWithAnExistingSerialIsRefused() {
        Holder holder = holder();
        Certificate original = holder.certificate();
        Certificate duplicate = Certificate.issued(original.serial(), original.owner(), original.subject(),
                original.issuer(), T0.plusSeconds(60), T0.plusSeconds(86_400), randomBytes(300), fingerprint());

        assertThrows(RuntimeException.class, () -> savedCertificates.insertCertificate(duplicate));
        assertSameCertificate(original, certificates.loadCertificate(original.serial()).orElseThrow());
    }

    @Test
    void staleCertificateUpdateFailsWithConcurrentUpdate() {
        Holder holder = holder();
        Certificate first = certificates.loadCertificate(holder.certificate().serial()).orElseThrow();
        Certificate second = certificates.loadCertificate(holder.certificate().serial()).orElseThrow();

        savedCertificates.updateCertificate(first.supersede(T0));

        assertThrows(ConcurrentUpdateException.class,
                () -> savedCertificates.updateCertificate(second.revoke(RevocationReason.KEY_COMPROMISE, T0)));
        assertEquals(CertificateStatus.SUPERSEDED,
                certificates.loadCertificate(holder.certificate().serial()).orElseThrow().storedStatus());
    }

    // --- renewals ---

    @Test
    void everyRenewalStateReadsBackAsStored() {
        Instant started = T0.plusNanos(123_456_000);
        Instant later = T0.plus(Duration.ofMinutes(3)).plusNanos(789_000);
        List<Renewal> stored = new ArrayList<>();
        Holder a = holder();
        stored.add(Renewal.start(a.id(), a.serial(), started));
        Holder b = holder();
        stored.add(Renewal.start(b.id(), b.serial(), started).awaitKey());
        Holder c = holder();
        stored.add(Renewal.start(c.id(), c.serial(), started).awaitKey().issue(newCertificate(c), later));
        Holder d = holder();
        stored.add(Renewal.start(d.id(), d.serial(), started).awaitKey().issue(newCertificate(d), later)
                .confirm(later.plusSeconds(60)));
        Holder e = holder();
        stored.add(Renewal.start(e.id(), e.serial(), started).abandon("the customer chose いいえ", later));
        Holder f = holder();
        stored.add(Renewal.start(f.id(), f.serial(), started).awaitKey()
                .fail(Rejection.of(Code.KEY_NOT_ACCEPTED, "RSA keys shorter than 2048 bits are not accepted."), later));

        for (Renewal renewal : stored) {
            renewals.insertRenewal(renewal);
        }

        for (Renewal renewal : stored) {
            assertEquals(Optional.of(renewal), renewals.loadRenewal(renewal.id()));
        }
        assertEquals(EnumSet.allOf(RenewalState.class),
                stored.stream().map(Renewal::state).collect(Collectors.toCollection(() -> EnumSet.noneOf(RenewalState.class))));
    }

    @Test
    void renewalTransitionsAreStoredAndEachAdvancesTheVersion() {
        Holder holder = holder();
        renewals.insertRenewal(Renewal.start(holder.id(), holder.serial(), T0));
        Renewal.Started started = (Renewal.Started) loadRenewalOf(holder);

        renewals.updateRenewal(started.awaitKey());
        Renewal.AwaitingKey awaiting = (Renewal.AwaitingKey) renewals.loadRenewal(started.id()).orElseThrow();
        SerialNumber newSerial = newCertificate(holder);
        renewals.updateRenewal(awaiting.issue(newSerial, T0.plusSeconds(30)));
        Renewal.Issued issued = (Renewal.Issued) renewals.loadRenewal(started.id()).orElseThrow();
        renewals.updateRenewal(issued.confirm(T0.plusSeconds(90)));

        Renewal confirmed = renewals.loadRenewal(started.id()).orElseThrow();
        assertEquals(new Renewal.Confirmed(started.id(), holder.id(), holder.serial(), T0, 3,
                newSerial, T0.plusSeconds(30), T0.plusSeconds(90)), confirmed);
        assertEquals(1, awaiting.version());
        assertEquals(2, issued.version());
    }

    @Test
    void secondOpenRenewalOfTheSameIdIsRefused() {
        Holder holder = holder();
        Renewal.Started first = Renewal.start(holder.id(), holder.serial(), T0);
        renewals.insertRenewal(first);

        assertThrows(ConcurrentUpdateException.class,
                () -> renewals.insertRenewal(Renewal.start(holder.id(), holder.serial(), T0.plusSeconds(1)).awaitKey()));
        assertEquals(Optional.of(first), renewals.findOpenRenewal(holder.id()));
    }

    @Test
    void databaseItselfRefusesASecondOpenRenewalOfTheSameId() {
        Holder holder = holder();
        renewals.insertRenewal(Renewal.start(holder.id(), holder.serial(), T0));

        assertEquals("23505", refusedRenewalRow(holder, "AWAITING_KEY", holder.id().value()).getSQLState());
        // and the column that enforces it cannot be left empty in an open renewal (check violation)
        assertTrue(refusedRenewalRow(holder, "STARTED", null).getSQLState().startsWith("23"));
    }

    @Test
    void closedRenewalDoesNotBlockANewOpenOne() {
        Holder holder = holder();
        Renewal.Started first = Renewal.start(holder.id(), holder.serial(), T0);
        renewals.insertRenewal(first);
        renewals.updateRenewal(first.abandon("timed out", T0.plusSeconds(900)));
        renewals.insertRenewal(Renewal.start(holder.id(), holder.serial(), T0.plusSeconds(901))
                .fail(Rejection.of(Code.ISSUANCE_FAILED), T0.plusSeconds(902)));

        Renewal.Started second = Renewal.start(holder.id(), holder.serial(), T0.plusSeconds(1000));
        renewals.insertRenewal(second);

        assertEquals(Optional.of(second), renewals.findOpenRenewal(holder.id()));
    }

    @Test
    void staleRenewalUpdateFailsWithConcurrentUpdate() {
        Holder holder = holder();
        renewals.insertRenewal(Renewal.start(holder.id(), holder.serial(), T0));
        Renewal.Started first = (Renewal.Started) loadRenewalOf(holder);
        Renewal.Started second = (Renewal.Started) loadRenewalOf(holder);

        renewals.updateRenewal(first.abandon("customer chose いいえ", T0.plusSeconds(5)));

        assertThrows(ConcurrentUpdateException.class, () -> renewals.updateRenewal(second.awaitKey()));
        assertEquals(RenewalState.ABANDONED, renewals.loadRenewal(first.id()).orElseThrow().state());
    }

    @Test
    void findOpenRenewalFindsOnlyTheOpenOne() {
        Holder holder = holder();
        assertEquals(Optional.empty(), renewals.findOpenRenewal(holder.id()));
        Renewal.Started started = Renewal.start(holder.id(), holder.serial(), T0);
        renewals.insertRenewal(started);
        Holder other = holder();
        renewals.insertRenewal(Renewal.start(other.id(), other.serial(), T0).awaitKey());

        assertEquals(Optional.of(started), renewals.findOpenRenewal(holder.id()));

        renewals.updateRenewal(started.fail(Rejection.of(Code.MALFORMED_REQUEST), T0.plusSeconds(9)));
        assertEquals(Optional.empty(), renewals.findOpenRenewal(holder.id()));
    }

    @Test
    void unconfirmedRenewalsAreTheIssuedOnesOfThatId() {
        Holder holder = holder();
        Renewal.Issued earlier = issuedRenewal(holder, T0);
        Renewal.Issued later = issuedRenewal(holder, T0.plusSeconds(600));
        Renewal.Confirmed confirmed = issuedRenewal(holder, T0.plusSeconds(300)).confirm(T0.plusSeconds(700));
        renewals.updateRenewal(confirmed);
        renewals.insertRenewal(Renewal.start(holder.id(), holder.serial(), T0.plusSeconds(800)));
        issuedRenewal(holder(), T0);

        assertEquals(List.of(earlier, later), renewals.findUnconfirmedRenewals(holder.id()));
        assertEquals(List.of(), renewals.findUnconfirmedRenewals(account().id()));
    }

    @Test
    void unconfirmedRenewalIsFoundByTheSerialItIssued() {
        Holder holder = holder();
        Renewal.Issued unconfirmed = issuedRenewal(holder, T0);
        Renewal.Issued toConfirm = issuedRenewal(holder, T0.plusSeconds(60));
        renewals.updateRenewal(toConfirm.confirm(T0.plusSeconds(120)));

        assertEquals(Optional.of(unconfirmed), renewals.findUnconfirmedRenewalIssuing(unconfirmed.newSerial()));
        assertEquals(Optional.empty(), renewals.findUnconfirmedRenewalIssuing(toConfirm.newSerial()));
        assertEquals(Optional.empty(), renewals.findUnconfirmedRenewalIssuing(holder.serial()));
    }

    @Test
    void openRenewalsStartedBeforeAGivenTimeAreFoundOldestFirstUpToTheLimit() {
        Holder a = holder();
        Holder b = holder();
        Holder c = holder();
        Holder d = holder();
        Renewal.AwaitingKey oldest = Renewal.start(a.id(), a.serial(), T0).awaitKey();
        Renewal.Started older = Renewal.start(b.id(), b.serial(), T0.plusSeconds(60));
        Renewal.Started recent = Renewal.start(c.id(), c.serial(), T0.plusSeconds(600));
        Renewal.Abandoned closed = Renewal.start(d.id(), d.serial(), T0.minusSeconds(60)).abandon("timed out", T0);
        for (Renewal renewal : List.of(recent, older, closed, oldest)) {
            renewals.insertRenewal(renewal);
        }

        assertEquals(List.of(oldest, older), renewals.findOpenRenewalsStartedBefore(T0.plusSeconds(300), 10));
        assertEquals(List.of(oldest), renewals.findOpenRenewalsStartedBefore(T0.plusSeconds(300), 1));
        assertEquals(List.of(), renewals.findOpenRenewalsStartedBefore(T0, 10));
    }

    // --- transactions ---

    @Test
    void workInATransactionCommitsTogether() {
        LoginAccount account = account();
        Certificate certificate = certificate(account.id(), T0);

        String result = transactions.inTransaction(() -> {
            savedCertificates.insertCertificate(certificate);
            savedAccounts.updateAccount(account.withCurrentCertificate(certificate.serial()));
            auditTrail.append(event("CERTIFICATE_ISSUED", 1));
            return "done";
        });

        assertEquals("done", result);
        assertTrue(certificates.loadCertificate(certificate.serial()).isPresent());
        assertEquals(Optional.of(certificate.serial()),
                accounts.loadAccount(account.id()).orElseThrow().currentCertificateSerial());
        assertEquals(1, countAuditEntries());
    }

    @Test
    void exceptionInATransactionRollsEverythingBackAndReachesTheCaller() {
        LoginAccount account = account();
        Certificate certificate = certificate(account.id(), T0);
        IllegalStateException failure = new IllegalStateException("signing failed after the record was written");

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> transactions.inTransaction(() -> {
            savedCertificates.insertCertificate(certificate);
            auditTrail.append(event("CERTIFICATE_ISSUED", 1));
            throw failure;
        }));

        assertSame(failure, thrown);
        assertEquals(Optional.empty(), certificates.loadCertificate(certificate.serial()));
        assertEquals(0, countAuditEntries());
        auditTrail.append(event("AFTER_ROLLBACK", 2));
        assertEquals(1, queryLong("SELECT seq FROM audit_entry"));
        assertEquals(Optional.empty(), auditTrail.firstBrokenEntry());
    }

    @Test
    void nestedTransactionJoinsTheOuterOneAndRollsBackWithIt() {
        Contract contract = new Contract(new ContractNumber("N1"), "Nested Ltd.");

        assertThrows(IllegalStateException.class, () -> transactions.inTransaction(() -> {
            transactions.inTransaction(() -> contracts.insertContract(contract));
            throw new IllegalStateException("outer work fails after the inner call returned");
        }));

        assertEquals(Optional.empty(), contracts.loadContract(contract.number()));
    }

    @Test
    void refusedOpenRenewalRollsBackTheRestOfItsTransaction() {
        Holder holder = holder();
        renewals.insertRenewal(Renewal.start(holder.id(), holder.serial(), T0));

        assertThrows(ConcurrentUpdateException.class, () -> transactions.inTransaction(() -> {
            auditTrail.append(event("RENEWAL_STARTED", 1));
            renewals.insertRenewal(Renewal.start(holder.id(), holder.serial(), T0.plusSeconds(1)));
        }));

        assertEquals(0, countAuditEntries());
    }

    @Test
    void deadlockBetweenARenewalChangeAndAnAuditAppendEndsAsConcurrentUpdate() throws Exception {
        Holder holder = holder();
        renewals.insertRenewal(Renewal.start(holder.id(), holder.serial(), T0));
        Renewal.Started started = (Renewal.Started) loadRenewalOf(holder);
        CountDownLatch renewalLocked = new CountDownLatch(1);
        CountDownLatch headLocked = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> requests = new ArrayList<>();
        try {
            // like abandoning: changes the renewal, then audits
            requests.add(pool.submit(() -> transactions.inTransaction(() -> {
                renewals.updateRenewal(started.abandon("customer chose いいえ", T0.plusSeconds(5)));
                renewalLocked.countDown();
                await(headLocked);
                auditTrail.append(event("RENEWAL_ABANDONED", 1));
            })));
            // like preparing: audits first, then changes the same renewal
            requests.add(pool.submit(() -> transactions.inTransaction(() -> {
                await(renewalLocked);
                auditTrail.append(event("RENEWAL_AWAITING_KEY", 2));
                headLocked.countDown();
                renewals.updateRenewal(started.awaitKey());
            })));
        } finally {
            pool.shutdown();
        }

        List<Throwable> failures = new ArrayList<>();
        for (Future<?> request : requests) {
            try {
                request.get();
            } catch (ExecutionException e) {
                failures.add(e.getCause());
            }
        }
        assertEquals(1, failures.size(), "one request wins, the other is the deadlock victim");
        assertInstanceOf(ConcurrentUpdateException.class, failures.get(0));
        assertEquals(1, countAuditEntries());
        assertEquals(Optional.empty(), auditTrail.firstBrokenEntry());
    }

    // --- audit trail ---

    @Test
    void auditChainVerifiesAfterSeveralAppends() {
        for (int i = 1; i <= 5; i++) {
            auditTrail.append(event("ACTION_" + i, i));
        }

        assertEquals(Optional.empty(), auditTrail.firstBrokenEntry());
        assertEquals(5, countAuditEntries());
        assertEquals(JdbcAuditTrail.GENESIS_HASH, queryString("SELECT prev_hash FROM audit_entry WHERE seq = 1"));
        assertEquals(queryString("SELECT hash FROM audit_entry WHERE seq = 2"),
                queryString("SELECT prev_hash FROM audit_entry WHERE seq = 3"));
    }

    @Test
    void emptyAuditTrailVerifies() {
        assertEquals(Optional.empty(), auditTrail.firstBrokenEntry());
    }

    @Test
    void firstBrokenEntryIsTheRowChangedBehindTheAdaptersBack() {
        for (int i = 1; i <= 5; i++) {
            auditTrail.append(event("ACTION_" + i, i));
        }

        sql("UPDATE audit_entry SET detail = 'nothing happened' WHERE seq = 3");

        assertEquals(Optional.of(3L), auditTrail.firstBrokenEntry());
    }

    @Test
    void firstBrokenEntryIsTheSuccessorOfADeletedRow() {
        for (int i = 1; i <= 5; i++) {
            auditTrail.append(event("ACTION_" + i, i));
        }

        sql("DELETE FROM audit_entry WHERE seq = 3");

        assertEquals(Optional.of(4L), auditTrail.firstBrokenEntry());
    }

    @Test
    void firstBrokenEntryIsTheLastOneWhenItWasDeleted() {
        for (int i = 1; i <= 3; i++) {
            auditTrail.append(event("ACTION_" + i, i));
        }

        sql("DELETE FROM audit_entry WHERE seq = 3");

        assertEquals(Optional.of(3L), auditTrail.firstBrokenEntry());
    }

    @Test
    void concurrentAppendsFormOneLinearChain() throws Exception {
        int threads = 6;
        int appendsEach = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Void>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                work.add(() -> {
                    for (int i = 0; i < appendsEach; i++) {
                        int n = thread * appendsEach + i;
                        transactions.inTransaction(() -> auditTrail.append(event("CONCURRENT_" + n, n)));
                    }
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(work)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }

        assertEquals(threads * appendsEach, countAuditEntries());
        assertEquals(threads * appendsEach, queryLong("SELECT MAX(seq) FROM audit_entry"));
        assertEquals(Optional.empty(), auditTrail.firstBrokenEntry());
    }

    // --- fixtures ---

    /** A login ID holding an active certificate, as after its first issuance. */
    private record Holder(LoginAccount account, Certificate certificate) {
        LoginId id() {
            return account.id();
        }

        SerialNumber serial() {
            return certificate.serial();
        }
    }

    private LoginAccount account() {
        LoginAccount account = LoginAccount.register(new LoginId("user" + IDS.incrementAndGet()), CONTRACT, IdKind.USER);
        savedAccounts.insertAccount(account);
        return account;
    }

    private Holder holder() {
        LoginAccount account = account();
        Certificate certificate = certificate(account.id(), T0.minus(Duration.ofDays(340)));
        savedCertificates.insertCertificate(certificate);
        savedAccounts.updateAccount(account.withCurrentCertificate(certificate.serial()));
        return new Holder(accounts.loadAccount(account.id()).orElseThrow(), certificate);
    }

    /** Records a renewed certificate for the holder and returns its serial. */
    private SerialNumber newCertificate(Holder holder) {
        Certificate certificate = certificate(holder.id(), T0);
        savedCertificates.insertCertificate(certificate);
        return certificate.serial();
    }

    private Renewal.Issued issuedRenewal(Holder holder, Instant startedAt) {
        Renewal.Issued issued = Renewal.start(holder.id(), holder.serial(), startedAt).awaitKey()
                .issue(newCertificate(holder), startedAt.plusSeconds(20));
        renewals.insertRenewal(issued);
        return issued;
    }

    private static Certificate certificate(LoginId owner, Instant notBefore) {
        SubjectName subject = new SubjectName("JP", "株式会社サンプル商事", CONTRACT.value(), owner.value());
        return Certificate.issued(serial(), owner, subject, "CN=Sample Bank Client CA G1,O=Sample Bank,C=JP",
                notBefore, notBefore.plus(Duration.ofDays(365)), randomBytes(700), fingerprint());
    }

    private static SerialNumber serial() {
        BigInteger value;
        do {
            value = new BigInteger(128, RANDOM);
        } while (value.signum() == 0);
        return new SerialNumber(value);
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        bytes[0] = 0x30; // a DER SEQUENCE, like a real certificate
        bytes[length - 1] = 0;
        return bytes;
    }

    private static String fingerprint() {
        return HexFormat.of().withUpperCase().formatHex(randomBytes(32));
    }

    private static AuditEvent event(String action, int n) {
        return new AuditEvent(T0.plusSeconds(n).plusNanos(123_456_789), "user" + n, action, "login-id:user" + n,
                AuditEvent.SUCCESS, "detail " + n + ", ünïcødé 更新");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Renewal loadRenewalOf(Holder holder) {
        return renewals.findOpenRenewal(holder.id()).orElseThrow();
    }

    private static void assertSameCertificate(Certificate expected, Certificate actual) {
        assertEquals(expected.serial(), actual.serial());
        assertEquals(expected.owner(), actual.owner());
        assertEquals(expected.subject(), actual.subject());
        assertEquals(expected.issuer(), actual.issuer());
        assertEquals(expected.notBefore(), actual.notBefore());
        assertEquals(expected.notAfter(), actual.notAfter());
        assertEquals(expected.storedStatus(), actual.storedStatus());
        assertEquals(expected.revocationReason(), actual.revocationReason());
        assertEquals(expected.revokedAt(), actual.revokedAt());
        assertArrayEquals(expected.der(), actual.der());
        assertEquals(expected.sha256Fingerprint(), actual.sha256Fingerprint());
        assertEquals(expected.version(), actual.version());
    }

    // --- plain SQL, for what the adapter must not offer ---

    private void sql(String statement) {
        jdbc.executeWrite(status -> {
            try (Statement s = status.getConnection().createStatement()) {
                return s.executeUpdate(statement);
            }
        });
    }

    private String queryString(String query) {
        return jdbc.executeRead(status -> {
            try (Statement s = status.getConnection().createStatement(); ResultSet rs = s.executeQuery(query)) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    private long queryLong(String query) {
        return Long.parseLong(queryString(query));
    }

    private long countAuditEntries() {
        return queryLong("SELECT COUNT(*) FROM audit_entry");
    }

    /** Writes a renewal row directly, without the adapter, and returns the database's refusal. */
    private SQLException refusedRenewalRow(Holder holder, String state, String openLoginId) {
        Exception thrown = assertThrows(Exception.class, () -> jdbc.executeWrite(status -> {
            try (PreparedStatement insert = status.getConnection().prepareStatement("""
                    INSERT INTO renewal (id, login_id, state, open_login_id, old_serial, started_at, version)
                    VALUES (?, ?, ?, ?, ?, ?, 0)""")) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, holder.id().value());
                insert.setString(3, state);
                insert.setString(4, openLoginId);
                insert.setString(5, holder.serial().hex());
                insert.setTimestamp(6, Timestamp.from(T0));
                return insert.executeUpdate();
            }
        }));
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        throw new AssertionError("not refused by the database", thrown);
    }
}
