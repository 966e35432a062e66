package certrenewal.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.application.readmodel.LoginIdSummary;
import certrenewal.application.readmodel.AuditFilter;
import certrenewal.application.readmodel.AuditRecord;
import certrenewal.application.readmodel.AuditVerification;
import certrenewal.application.readmodel.CertificateSummary;
import certrenewal.application.readmodel.CertificateSearch;
import certrenewal.application.readmodel.CertificateSearch.SortField;
import certrenewal.application.readmodel.ContractDetails;
import certrenewal.application.readmodel.DashboardFigures;
import certrenewal.application.readmodel.DashboardFigures.DayNotices;
import certrenewal.application.readmodel.ExpiringCertificate;
import certrenewal.application.readmodel.DashboardFigures.DayRenewals;
import certrenewal.application.readmodel.DashboardFigures.WeekCount;
import certrenewal.application.readmodel.LoginIdDetails;
import certrenewal.application.readmodel.RenewalAttempt;
import certrenewal.application.readmodel.SearchPage;
import certrenewal.application.port.out.AuditChainEnd;
import certrenewal.application.port.out.AuditEvent;
import certrenewal.application.port.out.AuditQueryPort;
import certrenewal.application.port.out.ConsoleQueryPort;
import certrenewal.application.port.out.ExpiringCertificatesPort;
import certrenewal.application.port.out.OperationsQueryPort;
import certrenewal.application.port.out.IssuanceGrant;
import certrenewal.application.port.out.IssuanceGrantPort;
import certrenewal.application.port.out.CrlStorePort;
import certrenewal.application.port.out.RevocationListPort;
import certrenewal.application.port.out.StoredCrl;
import certrenewal.application.port.out.RevokedCertificate;
import certrenewal.domain.administration.StaffAccount;
import certrenewal.application.port.out.StaffAccountPort;
import certrenewal.application.port.out.ClusterLeasePort;
import certrenewal.application.port.out.ConcurrentUpdateException;
import certrenewal.application.port.out.ContractPort;
import certrenewal.application.port.out.LoadAccountPort;
import certrenewal.application.port.out.PasswordPort;
import certrenewal.application.port.out.LoadCertificatePort;
import certrenewal.application.port.out.RenewalPort;
import certrenewal.application.port.out.SaveAccountPort;
import certrenewal.application.port.out.SaveCertificatePort;
import certrenewal.application.port.out.PickupFailuresPort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.domain.Rejection;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.AccountStatus;
import certrenewal.domain.account.Contract;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.IdKind;
import certrenewal.domain.account.LoginAccount;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.account.PasswordState;
import certrenewal.domain.account.LoginPassword;
import certrenewal.domain.administration.StaffLockout;
import certrenewal.domain.administration.StaffRole;
import certrenewal.domain.certificate.Certificate;
import certrenewal.domain.certificate.CertificateStatus;
import certrenewal.domain.certificate.RevocationReason;
import certrenewal.domain.certificate.SerialNumber;
import certrenewal.domain.certificate.SubjectName;
import certrenewal.domain.renewal.Renewal;
import certrenewal.domain.renewal.UnfinishedRenewals;
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
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
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
    @Inject
    IssuanceGrantPort grants;
    @Inject
    StaffAccountPort staff;
    @Inject
    PickupFailuresPort pickupFailures;
    @Inject
    RevocationListPort revocationList;
    @Inject
    CrlStorePort crls;
    @Inject
    ConsoleQueryPort console;
    @Inject
    ExpiringCertificatesPort expiring;
    @Inject
    AuditQueryPort auditQuery;
    @Inject
    OperationsQueryPort operations;
    @Inject
    ClusterLeasePort leases;

    @BeforeEach
    void startFromEmptyTables() {
        auditTrail.sealPending(); // so that no background seal of the last test's entries lands after the clean-up
        sql("DELETE FROM expiry_notice");
        sql("DELETE FROM pickup_failure");
        sql("DELETE FROM contact_details");
        sql("UPDATE login_account SET current_certificate_serial = NULL");
        sql("DELETE FROM crl");
        sql("DELETE FROM renewal");
        sql("DELETE FROM certificate");
        sql("DELETE FROM issuance_grant");
        sql("DELETE FROM staff_certificate");
        sql("DELETE FROM staff_password_history");
        sql("DELETE FROM staff_account");
        sql("DELETE FROM login_password_history");
        sql("DELETE FROM login_account");
        sql("DELETE FROM contract");
        sql("DELETE FROM audit_entry");
        sql("DELETE FROM audit_pending");
        sql("DELETE FROM cluster_lease");
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
    void replacedPasswordHashesAreKeptNewestFirstAndOnlyAsManyAsTheRuleRemembers() {
        LoginAccount account = LoginAccount.register(new LoginId("pw-history"), CONTRACT, IdKind.USER);
        savedAccounts.insertAccount(account);
        assertEquals(List.of(), passwords.previousPasswordHashes(account.id(), 4));

        for (int i = 1; i <= 7; i++) {
            passwords.savePasswordHash(account.id(), "hash-" + i);
        }

        assertEquals(Optional.of("hash-7"), passwords.loadPasswordHash(account.id()));
        assertEquals(List.of("hash-6", "hash-5", "hash-4", "hash-3"), passwords.previousPasswordHashes(account.id(), 4));
        assertEquals(List.of("hash-6", "hash-5"), passwords.previousPasswordHashes(account.id(), 2));
        assertEquals(LoginPassword.REMEMBERED_PASSWORDS - 1,
                Integer.parseInt(queryString("SELECT COUNT(*) FROM login_password_history WHERE login_id = 'pw-history'")));
    }

    @Test
    void passwordStateIsStoredApartAndSurvivesAccountUpdates() {
        LoginAccount account = LoginAccount.register(new LoginId("pw-state"), CONTRACT, IdKind.USER);
        savedAccounts.insertAccount(account);
        assertEquals(Optional.of(PasswordState.INITIAL), passwords.loadPasswordState(account.id()));

        passwords.savePasswordState(account.id(), new PasswordState(true, 3));
        savedAccounts.updateAccount(account.recordFailedPassword(6));

        assertEquals(Optional.of(new PasswordState(true, 3)), passwords.loadPasswordState(account.id()));
        assertEquals(Optional.empty(), passwords.loadPasswordState(new LoginId("nobody")));
        assertThrows(IllegalStateException.class, () -> passwords.savePasswordState(new LoginId("nobody"), PasswordState.INITIAL));
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
        savedCertificates.insertCertificate(certificate, publicKeyOf(certificate));

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

        assertThrows(RuntimeException.class, () -> savedCertificates.insertCertificate(duplicate, publicKeyOf(duplicate)));
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
    void unfinishedRenewalsAreTheOpenOneAndTheIssuedOnesOfThatIdReadTogether() {
        Holder holder = holder();
        Renewal.Issued earlier = issuedRenewal(holder, T0);
        Renewal.Issued later = issuedRenewal(holder, T0.plusSeconds(600));
        renewals.updateRenewal(issuedRenewal(holder, T0.plusSeconds(300)).confirm(T0.plusSeconds(700)));
        Renewal.Started open = Renewal.start(holder.id(), holder.serial(), T0.plusSeconds(800));
        renewals.insertRenewal(open);
        issuedRenewal(holder(), T0);

        UnfinishedRenewals unfinished = renewals.findUnfinishedRenewals(holder.id());

        assertEquals(new UnfinishedRenewals(Optional.of(open), List.of(earlier, later)), unfinished);
        assertEquals(new UnfinishedRenewals(renewals.findOpenRenewal(holder.id()).map(Renewal.Open.class::cast),
                renewals.findUnconfirmedRenewals(holder.id())), unfinished, "the same as the two reads apart");
        assertTrue(renewals.findUnfinishedRenewals(account().id()).isEmpty());
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
            savedCertificates.insertCertificate(certificate, publicKeyOf(certificate));
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
            savedCertificates.insertCertificate(certificate, publicKeyOf(certificate));
            auditTrail.append(event("CERTIFICATE_ISSUED", 1));
            throw failure;
        }));

        assertSame(failure, thrown);
        assertEquals(Optional.empty(), certificates.loadCertificate(certificate.serial()));
        assertEquals(0, countAuditEntries());
        auditTrail.append(event("AFTER_ROLLBACK", 2));
        assertEquals(Optional.empty(), auditTrail.firstBrokenEntry());
        assertEquals(1, queryLong("SELECT seq FROM audit_entry"));
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
    void afterCommitActionsRunOnceWhenTheOutermostTransactionHasCommittedAndNeverAfterARollback() {
        Contract contract = new Contract(new ContractNumber("AC1"), "After Commit Ltd.");
        List<String> seen = new java.util.ArrayList<>();
        Runnable publish = () -> seen.add("committed: " + contracts.loadContract(contract.number()).isPresent());

        transactions.inTransaction(() -> {
            contracts.insertContract(contract);
            transactions.inTransaction(() -> transactions.afterCommit(publish));
            transactions.afterCommit(publish); // registered again in the same transaction: runs once
            assertEquals(List.of(), seen, "not before the commit");
        });
        assertEquals(List.of("committed: true"), seen);

        assertThrows(IllegalStateException.class, () -> transactions.inTransaction(() -> {
            transactions.afterCommit(publish);
            throw new IllegalStateException("rolled back");
        }));
        assertEquals(List.of("committed: true"), seen);

        transactions.inTransaction(() -> transactions.afterCommit(publish));
        assertEquals(List.of("committed: true", "committed: true"), seen, "a later transaction runs it again");
        assertThrows(IllegalStateException.class, () -> transactions.afterCommit(publish));
    }

    @Test
    void anAccountIsReadWithItsContractOrWithItsPasswordStateInOneRead() {
        LoginAccount account = LoginAccount.register(new LoginId("read-together"), CONTRACT, IdKind.USER);
        savedAccounts.insertAccount(account);
        passwords.savePasswordState(account.id(), new PasswordState(true, 3));
        savedAccounts.updateAccount(account.recordFailedPassword(6));
        LoginAccount stored = accounts.loadAccount(account.id()).orElseThrow();

        assertEquals(Optional.of(new LoadAccountPort.AccountOfContract(stored, new Contract(CONTRACT, "株式会社サンプル商事"))),
                accounts.loadAccountWithContract(account.id()));
        assertEquals(Optional.of(new LoadAccountPort.AccountWithPasswordState(stored, new PasswordState(true, 3))),
                accounts.loadAccountWithPasswordState(account.id()));
        assertEquals(Optional.empty(), accounts.loadAccountWithContract(new LoginId("nobody")));
        assertEquals(Optional.empty(), accounts.loadAccountWithPasswordState(new LoginId("nobody")));
    }

    @Test
    void anIssuanceReadsTheKeysCertificatesAndTheIdsRecentOnesTogetherEachOnce() {
        LoginAccount holder = account();
        LoginAccount sharer = account("history-sharer", CONTRACT, IdKind.USER);
        byte[] key = "the requested key".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Certificate old = certificate(holder.id(), T0);
        Certificate recentOfTheKey = certificate(holder.id(), T0.plusSeconds(10));
        Certificate recent = certificate(holder.id(), T0.plusSeconds(20));
        Certificate sharersOfTheKey = certificate(sharer.id(), T0.plusSeconds(30));
        transactions.inTransaction(() -> {
            savedCertificates.insertCertificate(old, publicKeyOf(old));
            savedCertificates.insertCertificate(recentOfTheKey, key);
            savedCertificates.insertCertificate(recent, publicKeyOf(recent));
            savedCertificates.insertCertificate(sharersOfTheKey, key.clone());
        });

        LoadCertificatePort.IssuanceHistory history = certificates.issuanceHistory(key, holder.id(), T0);

        assertEquals(java.util.Set.of(recentOfTheKey.serial(), sharersOfTheKey.serial()),
                history.certifyingTheKey().stream().map(Certificate::serial).collect(java.util.stream.Collectors.toSet()));
        assertEquals(2, history.certifyingTheKey().size(), "a certificate of both parts is listed once");
        assertEquals(java.util.Set.of(T0.plusSeconds(10), T0.plusSeconds(20)), java.util.Set.copyOf(history.ownerIssuedAfter()));
        assertEquals(2, history.ownerIssuedAfter().size(), "a certificate of both parts counts once towards the limit");
    }

    @Test
    void certificatesAreFoundByTheKeyTheyCertifyWhateverTheirIdOrStatus() {
        LoginAccount first = account();
        LoginAccount second = account("key-sharer", CONTRACT, IdKind.USER);
        Certificate one = certificate(first.id(), T0);
        Certificate other = certificate(second.id(), T0.plusSeconds(60));
        byte[] key = "one key".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        transactions.inTransaction(() -> {
            savedCertificates.insertCertificate(one, key);
            savedCertificates.insertCertificate(other, key.clone());
            savedCertificates.updateCertificate(certificates.loadCertificate(other.serial()).orElseThrow()
                    .revoke(RevocationReason.KEY_COMPROMISE, T0.plusSeconds(120)));
        });

        List<Certificate> found = certificates.findCertifying(key);

        assertEquals(java.util.Set.of(one.serial(), other.serial()),
                found.stream().map(Certificate::serial).collect(java.util.stream.Collectors.toSet()));
        assertEquals(List.of(), certificates.findCertifying("another key".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }

    @Test
    void issueTimesAreListedForTheCertificatesOfAnIdIssuedAfterAMoment() {
        LoginAccount holder = account();
        LoginAccount someoneElse = account("someone-else", CONTRACT, IdKind.USER);
        transactions.inTransaction(() -> {
            for (Certificate c : List.of(certificate(holder.id(), T0), certificate(holder.id(), T0.plusSeconds(10)),
                    certificate(holder.id(), T0.plusSeconds(20)), certificate(someoneElse.id(), T0.plusSeconds(30)))) {
                savedCertificates.insertCertificate(c, publicKeyOf(c));
            }
        });

        List<Instant> issued = certificates.issuedAfter(holder.id(), T0);

        assertEquals(java.util.Set.of(T0.plusSeconds(10), T0.plusSeconds(20)), java.util.Set.copyOf(issued));
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
    void ofTwoRequestsChangingOneRenewalOneWinsAndOnlyItsAuditEntryRemains() throws Exception {
        Holder holder = holder();
        renewals.insertRenewal(Renewal.start(holder.id(), holder.serial(), T0));
        Renewal.Started started = (Renewal.Started) loadRenewalOf(holder);
        CountDownLatch renewalLocked = new CountDownLatch(1);
        CountDownLatch appended = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> requests = new ArrayList<>();
        try {
            // like abandoning: changes the renewal, then audits
            requests.add(pool.submit(() -> transactions.inTransaction(() -> {
                renewals.updateRenewal(started.abandon("customer chose いいえ", T0.plusSeconds(5)));
                renewalLocked.countDown();
                await(appended);
                auditTrail.append(event("RENEWAL_ABANDONED", 1));
            })));
            // like preparing: audits first, then changes the same renewal
            requests.add(pool.submit(() -> transactions.inTransaction(() -> {
                await(renewalLocked);
                auditTrail.append(event("RENEWAL_AWAITING_KEY", 2));
                appended.countDown();
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
        assertEquals(1, failures.size(), "one request wins, the other finds the renewal changed");
        assertInstanceOf(ConcurrentUpdateException.class, failures.get(0));
        assertEquals(Optional.empty(), auditTrail.firstBrokenEntry());
        assertEquals(List.of("RENEWAL_ABANDONED"), strings("SELECT action FROM audit_entry"));
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
    void anAuditEntryThatCannotBeStoredRollsBackTheChangeItRecords() {
        // entries are written just before the commit: a failure there must still undo the business change
        Contract contract = new Contract(new ContractNumber("C0999"), "株式会社監査商事");
        AuditEvent tooLong = new AuditEvent(T0, "staff:tanaka", "CONTRACT_REGISTERED", "contract:" + "9".repeat(300),
                AuditEvent.SUCCESS, "target longer than its column");

        assertThrows(RuntimeException.class, () -> transactions.inTransaction(() -> {
            contracts.insertContract(contract);
            auditTrail.append(tooLong);
            return null;
        }));

        assertEquals(Optional.empty(), contracts.loadContract(contract.number()), "no change without its audit entry");
        assertEquals(0, countAuditEntries());
        transactions.inTransaction(() -> { // and the next transaction on that connection is a clean one
            contracts.insertContract(contract);
            auditTrail.append(event("CONTRACT_REGISTERED", 1));
            return null;
        });
        assertEquals(Optional.of(contract), contracts.loadContract(contract.number()));
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

        auditTrail.sealPending();
        sql("UPDATE audit_entry SET detail = 'nothing happened' WHERE seq = 3");

        assertEquals(Optional.of(3L), auditTrail.firstBrokenEntry());
    }

    @Test
    void firstBrokenEntryIsTheSuccessorOfADeletedRow() {
        for (int i = 1; i <= 5; i++) {
            auditTrail.append(event("ACTION_" + i, i));
        }

        auditTrail.sealPending();
        sql("DELETE FROM audit_entry WHERE seq = 3");

        assertEquals(Optional.of(4L), auditTrail.firstBrokenEntry());
    }

    @Test
    void firstBrokenEntryIsTheLastOneWhenItWasDeleted() {
        for (int i = 1; i <= 3; i++) {
            auditTrail.append(event("ACTION_" + i, i));
        }

        auditTrail.sealPending();
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

        assertEquals(Optional.empty(), auditTrail.firstBrokenEntry());
        assertEquals(threads * appendsEach, countAuditEntries());
        assertEquals(threads * appendsEach, queryLong("SELECT MAX(seq) FROM audit_entry"));
    }

    @Test
    void appendCommitsWhileTheChainsHeadIsLockedAndIsChainedAfterwards() throws Exception {
        auditTrail.append(event("BEFORE", 1));
        CountDownLatch headLocked = new CountDownLatch(1);
        CountDownLatch appendCommitted = new CountDownLatch(1);
        ExecutorService sealer = Executors.newSingleThreadExecutor();
        try {
            // like a sealer of another server, in the middle of its work
            Future<?> holdingTheHead = sealer.submit(() -> jdbc.executeWrite(status -> {
                try (Statement s = status.getConnection().createStatement()) {
                    s.executeQuery("SELECT * FROM audit_head WHERE id = 1 FOR UPDATE").close();
                }
                headLocked.countDown();
                await(appendCommitted);
                return null;
            }));
            await(headLocked);
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> transactions.inTransaction(() -> {
                auditTrail.append(event("WHILE_LOCKED", 2));
            }), "an append must not wait for the chain's head");
            appendCommitted.countDown();
            holdingTheHead.get();
        } finally {
            sealer.shutdown();
        }

        assertEquals(Optional.empty(), auditTrail.firstBrokenEntry());
        assertEquals(List.of("BEFORE", "WHILE_LOCKED"), strings("SELECT action FROM audit_entry ORDER BY seq"));
        assertEquals(0, auditTrail.pendingEntries());
    }

    @Test
    void committedEntryIsChainedInTheBackgroundWithoutBeingAsked() {
        transactions.inTransaction(() -> auditTrail.append(event("IN_A_TRANSACTION", 1)));

        Instant deadline = Instant.now().plusSeconds(30);
        while (queryLong("SELECT COUNT(*) FROM audit_entry") == 0 && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
        }

        assertEquals(List.of("IN_A_TRANSACTION"), strings("SELECT action FROM audit_entry"));
        assertEquals(0, auditTrail.pendingEntries());
        assertEquals(Optional.empty(), auditTrail.firstBrokenEntry());
    }

    @Test
    void verificationAndReadingCoverEntriesNotYetChained() {
        jdbc.executeWrite(status -> {
            try (Statement s = status.getConnection().createStatement()) {
                // as a server that stopped before its sealer ran would leave them
                return s.executeUpdate("INSERT INTO audit_pending (at, actor, action, target, outcome, detail) VALUES"
                        + " (TIMESTAMP WITH TIME ZONE '2026-04-01 09:00:00+00', 'system', 'LEFT_PENDING', 'T', 'SUCCESS', 'd')");
            }
        });

        AuditVerification verification = auditQuery.verify();
        assertEquals(1, verification.entriesChecked());
        assertEquals(Optional.empty(), verification.firstBroken());
        assertEquals(List.of("LEFT_PENDING"), strings("SELECT action FROM audit_entry"));
        assertEquals(0, auditTrail.pendingEntries());
    }

    @Test
    void severalSealersAtOnceStillFormOneLinearChain() throws Exception {
        int entries = 1200; // more than one sealing batch
        transactions.inTransaction(() -> {
            for (int i = 0; i < entries; i++) {
                auditTrail.append(event("BULK_" + i, i));
            }
        });
        ExecutorService sealers = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> sealed = sealers.invokeAll(List.of(auditTrail::sealPending, auditTrail::sealPending,
                    auditTrail::sealPending));
            int total = 0;
            for (Future<Integer> each : sealed) {
                total += each.get();
            }
            assertTrue(total <= entries, "no entry is sealed twice");
        } finally {
            sealers.shutdown();
        }

        assertEquals(Optional.empty(), auditTrail.firstBrokenEntry());
        assertEquals(entries, queryLong("SELECT COUNT(*) FROM audit_entry"));
        assertEquals(entries, queryLong("SELECT MAX(seq) FROM audit_entry"));
        assertEquals(0, auditTrail.pendingEntries());
    }

    // --- issuance grants ---

    @Test
    void issuanceGrantReadsBackAndSavingAgainReplacesIt() {
        LoginAccount account = account();
        LoginAccount other = account();
        assertEquals(Optional.empty(), grants.loadGrant(account.id()));
        IssuanceGrant first = new IssuanceGrant(account.id(), "pbkdf2-sha256$1$first", T0.plus(Duration.ofDays(80)).plusNanos(123_456_000));
        IssuanceGrant others = new IssuanceGrant(other.id(), "pbkdf2-sha256$1$other", T0.plus(Duration.ofDays(10)));
        grants.saveGrant(first);
        grants.saveGrant(others);
        assertEquals(Optional.of(first), grants.loadGrant(account.id()));

        IssuanceGrant second = new IssuanceGrant(account.id(), "pbkdf2-sha256$1$second", T0.plus(Duration.ofDays(81)));
        grants.saveGrant(second);

        assertEquals(Optional.of(second), grants.loadGrant(account.id()));
        assertEquals(Optional.of(others), grants.loadGrant(other.id()));
        assertEquals(2, queryLong("SELECT COUNT(*) FROM issuance_grant"));
    }

    @Test
    void deletingAGrantUsesItUpSoASecondDeleteFindsNothing() {
        LoginAccount account = account();
        LoginAccount other = account();
        grants.saveGrant(new IssuanceGrant(account.id(), "hash", T0));
        grants.saveGrant(new IssuanceGrant(other.id(), "hash", T0));

        assertTrue(grants.deleteGrant(account.id()));
        assertFalse(grants.deleteGrant(account.id()));
        assertEquals(Optional.empty(), grants.loadGrant(account.id()));
        assertTrue(grants.loadGrant(other.id()).isPresent());
        assertFalse(grants.deleteGrant(new LoginId("nobody")));
    }

    // --- staff accounts ---

    @Test
    void staffAccountReadsBackAsStoredAndIsCounted() {
        assertEquals(0, staff.countStaff());
        StaffAccount operator = StaffAccount.create("op.tanaka", StaffRole.OPERATOR, "pbkdf2-sha256$1$op");
        StaffAccount auditor = new StaffAccount("au.suzuki", StaffRole.AUDITOR, "pbkdf2-sha256$1$au", 2, NOW.plusSeconds(900), 3, 0);

        staff.insertStaff(operator);
        staff.insertStaff(auditor);

        assertEquals(Optional.of(operator), staff.loadStaff("op.tanaka"));
        assertEquals(Optional.of(auditor), staff.loadStaff("au.suzuki"));
        assertEquals(Optional.empty(), staff.loadStaff("nobody"));
        assertEquals(2, staff.countStaff());
    }

    @Test
    void staffAccountWithAnExistingUsernameIsRefused() {
        staff.insertStaff(StaffAccount.create("op", StaffRole.OPERATOR, "hash"));

        assertThrows(ConcurrentUpdateException.class,
                () -> staff.insertStaff(StaffAccount.create("op", StaffRole.AUDITOR, "other")));
        assertEquals(StaffRole.OPERATOR, staff.loadStaff("op").orElseThrow().role());
    }

    @Test
    void staffUpdateStoresTheChangeAndAdvancesTheVersion() {
        staff.insertStaff(StaffAccount.create("op", StaffRole.OPERATOR, "hash"));
        StaffAccount loaded = staff.loadStaff("op").orElseThrow();

        staff.updateStaff(loaded.withFailedPassword(new StaffLockout(1, Duration.ofMinutes(15), Duration.ofHours(24)), NOW));

        assertEquals(new StaffAccount("op", StaffRole.OPERATOR, "hash", 0, NOW.plus(Duration.ofMinutes(15)), 1, 1),
                staff.loadStaff("op").orElseThrow());
    }

    @Test
    void staffAdministrationStateReadsBackAndSecurityAdministratorsAreCounted() {
        staff.insertStaff(StaffAccount.createWithOneTimePassword("sec.sato", StaffRole.SECURITY_ADMIN, "h1"));
        staff.insertStaff(StaffAccount.create("sec.kato", StaffRole.SECURITY_ADMIN, "h2"));
        staff.insertStaff(StaffAccount.create("op", StaffRole.OPERATOR, "h3"));
        assertEquals(2, staff.countActiveSecurityAdministrators());

        StaffAccount disabled = staff.loadStaff("sec.kato").orElseThrow().disable();
        staff.updateStaff(disabled);

        StaffAccount stored = staff.loadStaff("sec.kato").orElseThrow();
        assertTrue(stored.disabled());
        assertEquals(1, stored.sessionGeneration());
        assertTrue(staff.loadStaff("sec.sato").orElseThrow().mustChangePassword());
        assertEquals(1, staff.countActiveSecurityAdministrators());
        assertEquals(List.of("op", "sec.kato", "sec.sato"), staff.listStaff().stream().map(StaffAccount::username).toList());
    }

    @Test
    void replacedStaffPasswordsAreReadNewestFirstUpToTheCountAsked() {
        staff.insertStaff(StaffAccount.create("op", StaffRole.OPERATOR, "h0"));
        transactions.inTransaction(() -> {
            for (int i = 1; i <= 6; i++) {
                staff.rememberReplacedPassword("op", "h" + i, NOW.plusSeconds(i));
            }
        });

        assertEquals(List.of("h6", "h5", "h4", "h3"), staff.replacedPasswordHashes("op", 4));
        assertEquals(List.of(), staff.replacedPasswordHashes("nobody", 4));
    }

    @Test
    void staleStaffUpdateFailsWithConcurrentUpdate() {
        staff.insertStaff(StaffAccount.create("op", StaffRole.OPERATOR, "hash"));
        StaffAccount first = staff.loadStaff("op").orElseThrow();
        StaffAccount second = staff.loadStaff("op").orElseThrow();

        StaffLockout lockout = new StaffLockout(6, Duration.ofMinutes(15), Duration.ofHours(24));
        staff.updateStaff(first.withFailedPassword(lockout, NOW));

        assertThrows(ConcurrentUpdateException.class, () -> staff.updateStaff(second.withFailedPassword(lockout, NOW)));
        assertEquals(1, staff.loadStaff("op").orElseThrow().failedPasswordAttempts());
        assertThrows(ConcurrentUpdateException.class,
                () -> staff.updateStaff(StaffAccount.create("nobody", StaffRole.AUDITOR, "hash")));
    }

    // --- failed pickups ---

    @Test
    void failedPickupsAreCountedPerTypedIdKnownOrNotAndClearedAgain() {
        LoginId unknown = new LoginId("never-registered");
        pickupFailures.recordFailure(unknown, T0, T0.minusSeconds(60));
        pickupFailures.recordFailure(unknown, T0.plusSeconds(30), T0.minusSeconds(30));

        assertEquals(Optional.of(new PickupFailuresPort.PickupFailures(2, T0.plusSeconds(30))), pickupFailures.loadFailures(unknown));
        assertEquals(Optional.empty(), pickupFailures.loadFailures(new LoginId("someone-else")));
        pickupFailures.clearFailures(unknown);
        assertEquals(Optional.empty(), pickupFailures.loadFailures(unknown));
    }

    @Test
    void aFailedPickupAfterTheCountNoLongerCountsStartsItAgainAtOne() {
        LoginId id = new LoginId("came-back");
        pickupFailures.recordFailure(id, T0, T0.minusSeconds(60));
        pickupFailures.recordFailure(id, T0.plusSeconds(1), T0.minusSeconds(60));

        pickupFailures.recordFailure(id, T0.plusSeconds(90), T0.plusSeconds(2));

        assertEquals(Optional.of(new PickupFailuresPort.PickupFailures(1, T0.plusSeconds(90))), pickupFailures.loadFailures(id));
    }

    @Test
    void forgettingDeletesOnlyTheCountsWhoseLastFailureIsOlder() {
        LoginId old = new LoginId("quiet-since-t0");
        LoginId recent = new LoginId("failed-later");
        pickupFailures.recordFailure(old, T0, T0);
        pickupFailures.recordFailure(recent, T0.plusSeconds(1), T0);

        assertEquals(0, pickupFailures.forgetFailuresBefore(T0), "a count as old as the limit is kept");
        assertEquals(1, pickupFailures.forgetFailuresBefore(T0.plusSeconds(1)));

        assertEquals(Optional.empty(), pickupFailures.loadFailures(old));
        assertEquals(1, pickupFailures.loadFailures(recent).orElseThrow().count());
    }

    @Test
    void failedPickupsRacingToCountTheFirstFailureAreAllCounted() throws Exception {
        LoginId id = new LoginId("raced");
        int threads = 4;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<?>> counted = new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                counted.add(pool.submit(() -> {
                    start.await();
                    pickupFailures.recordFailure(id, T0, T0.minusSeconds(60));
                    return null;
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<?> f : counted) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        assertEquals(threads, pickupFailures.loadFailures(id).orElseThrow().count());
    }

    // --- revocation list ---

    @Test
    void revocationListHoldsRevokedAndSupersededCertificatesUntilTheyExpire() {
        LoginId owner = account().id();
        Instant revokedAt = NOW.minus(Duration.ofDays(3));
        Certificate revoked = revoke(stored(owner, serial(), NOW.plus(Duration.ofDays(100))),
                RevocationReason.KEY_COMPROMISE, revokedAt);
        Certificate superseded = revoke(stored(owner, serial(), NOW.plusSeconds(1)),
                RevocationReason.SUPERSEDED, revokedAt.plusSeconds(60));
        revoke(stored(owner, serial(), NOW), RevocationReason.CESSATION_OF_OPERATION, revokedAt); // expires at now
        revoke(stored(owner, serial(), NOW.minus(Duration.ofDays(1))), RevocationReason.UNSPECIFIED, revokedAt);
        stored(owner, serial(), NOW.plus(Duration.ofDays(100))); // active
        stored(owner, serial(), NOW.minus(Duration.ofDays(1))); // active, but expired

        assertEquals(Set.of(
                        new RevokedCertificate(revoked.serial(), revokedAt, RevocationReason.KEY_COMPROMISE),
                        new RevokedCertificate(superseded.serial(), revokedAt.plusSeconds(60), RevocationReason.SUPERSEDED)),
                Set.copyOf(revocationList.revokedUnexpired(NOW)));
        assertEquals(List.of(), revocationList.revokedUnexpired(NOW.plus(Duration.ofDays(100))));
    }

    // --- stored CRLs ---

    @Test
    void theNewestStoredCrlIsServedAndTheOnesBeforeThePreviousAreDeleted() {
        assertEquals(Optional.empty(), crls.newestHeader());
        assertEquals(Optional.empty(), crls.newest());
        for (long number = 1_743_500_000_000L; number < 1_743_500_000_003L; number++) {
            StoredCrl crl = crl(number);
            assertEquals(number, crls.publishExclusively(previous -> Optional.of(crl)).orElseThrow().number());
        }

        StoredCrl newest = crls.newest().orElseThrow();
        assertEquals(1_743_500_000_002L, newest.number());
        assertArrayEquals(crl(1_743_500_000_002L).der(), newest.der());
        assertEquals(crl(1_743_500_000_002L).header(), crls.newestHeader().orElseThrow());
        assertEquals(List.of(1_743_500_000_001L, 1_743_500_000_002L),
                longs("SELECT crl_number FROM crl ORDER BY crl_number"), "the previous one is kept, older ones go");
    }

    @Test
    void aCrlNumberIsNeverStoredTwiceNorBelowTheNewest() {
        crls.publishExclusively(previous -> Optional.of(crl(10)));

        assertThrows(IllegalArgumentException.class, () -> crls.publishExclusively(previous -> Optional.of(crl(10))));
        assertThrows(IllegalArgumentException.class, () -> crls.publishExclusively(previous -> Optional.of(crl(9))));
        assertThrows(java.sql.SQLException.class, () -> sql("INSERT INTO crl (crl_number, this_update, next_update, der)"
                + " SELECT crl_number, this_update, next_update, der FROM crl"), "the primary key refuses it too");

        assertEquals(List.of(10L), longs("SELECT crl_number FROM crl"));
    }

    @Test
    void aPublicationThatStoresNothingOrFailsLeavesTheStoreAsItWas() {
        crls.publishExclusively(previous -> Optional.of(crl(10)));

        assertEquals(Optional.empty(), crls.publishExclusively(previous -> Optional.empty()));
        assertThrows(IllegalStateException.class, () -> crls.publishExclusively(previous -> {
            throw new IllegalStateException("HSM unavailable");
        }));

        assertEquals(List.of(10L), longs("SELECT crl_number FROM crl"));
    }

    /** Like two servers signing at once: the second waits for the first's commit and is given what it stored. */
    @Test
    void publicationsOfTwoConnectionsTakeTurnsAndTheSecondSeesTheFirstsCrl() throws Exception {
        crls.publishExclusively(previous -> Optional.of(crl(1)));
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CountDownLatch secondInside = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = pool.submit(() -> crls.publishExclusively(previous -> {
                firstInside.countDown();
                await(releaseFirst);
                return Optional.of(crl(previous.orElseThrow().number() + 1));
            }));
            await(firstInside);
            Future<Optional<StoredCrl.Header>> second = pool.submit(() -> {
                java.util.concurrent.atomic.AtomicReference<Optional<StoredCrl.Header>> seen =
                        new java.util.concurrent.atomic.AtomicReference<>();
                crls.publishExclusively(previous -> {
                    seen.set(previous);
                    secondInside.countDown();
                    return Optional.empty();
                });
                return seen.get();
            });
            // the second publication must still be waiting while the first holds its turn
            assertFalse(secondInside.await(2, java.util.concurrent.TimeUnit.SECONDS), "the second did not wait");
            releaseFirst.countDown();
            first.get(30, java.util.concurrent.TimeUnit.SECONDS);

            assertEquals(2L, second.get(30, java.util.concurrent.TimeUnit.SECONDS).orElseThrow().number());
        } finally {
            releaseFirst.countDown();
            pool.shutdown();
        }
        assertEquals(2L, crls.newestHeader().orElseThrow().number());
    }

    private static StoredCrl crl(long number) {
        Instant thisUpdate = NOW.plusSeconds(number % 1000);
        return new StoredCrl(number, thisUpdate, thisUpdate.plus(Duration.ofHours(24)),
                ("CRL " + number).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private List<Long> longs(String query) {
        return jdbc.executeRead(status -> {
            List<Long> values = new ArrayList<>();
            try (Statement s = status.getConnection().createStatement(); ResultSet rows = s.executeQuery(query)) {
                while (rows.next()) {
                    values.add(rows.getLong(1));
                }
            }
            return values;
        });
    }

    // --- dashboard ---

    @Test
    void dashboardCountsEveryStatusWithExpiryDerivedFromNowAndZerosIncluded() {
        assertEquals(Map.of(CertificateStatus.ACTIVE, 0L, CertificateStatus.EXPIRED, 0L,
                CertificateStatus.SUPERSEDED, 0L, CertificateStatus.REVOKED, 0L),
                console.dashboard(NOW, ZONE).certificatesByStatus());
        LoginId owner = account().id();
        stored(owner, serial(), NOW.plusSeconds(1));
        stored(owner, serial(), NOW.plus(Duration.ofDays(300)));
        stored(owner, serial(), NOW); // expires at now
        stored(owner, serial(), NOW.minus(Duration.ofDays(30)));
        revoke(stored(owner, serial(), NOW.plus(Duration.ofDays(10))), RevocationReason.SUPERSEDED, NOW);

        assertEquals(Map.of(CertificateStatus.ACTIVE, 2L, CertificateStatus.EXPIRED, 2L,
                CertificateStatus.SUPERSEDED, 1L, CertificateStatus.REVOKED, 0L),
                console.dashboard(NOW, ZONE).certificatesByStatus());
    }

    // --- operations (health checks, metrics) ---

    @Test
    void operationsCountCertificatesByStatusAndActiveOnesExpiringWithinEachHorizon() {
        List<Duration> horizons = List.of(Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(40));
        var empty = operations.certificateCounts(NOW, horizons);
        assertEquals(Map.of(CertificateStatus.ACTIVE, 0L, CertificateStatus.EXPIRED, 0L,
                CertificateStatus.SUPERSEDED, 0L, CertificateStatus.REVOKED, 0L), empty.byStatus());
        assertEquals(Map.of(horizons.get(0), 0L, horizons.get(1), 0L, horizons.get(2), 0L), empty.activeExpiringWithin());
        LoginId owner = account().id();
        stored(owner, serial(), NOW.plus(Duration.ofDays(7))); // within 7 days, its last instant included
        stored(owner, serial(), NOW.plus(Duration.ofDays(30)).plusSeconds(1)); // just beyond 30 days
        stored(owner, serial(), NOW.plus(Duration.ofDays(300)));
        stored(owner, serial(), NOW); // expired at now
        revoke(stored(owner, serial(), NOW.plus(Duration.ofDays(3))), RevocationReason.SUPERSEDED, NOW);
        revoke(stored(owner, serial(), NOW.plus(Duration.ofDays(3))), RevocationReason.KEY_COMPROMISE, NOW);

        var counts = operations.certificateCounts(NOW, horizons);

        assertEquals(Map.of(CertificateStatus.ACTIVE, 3L, CertificateStatus.EXPIRED, 1L,
                CertificateStatus.SUPERSEDED, 1L, CertificateStatus.REVOKED, 1L), counts.byStatus());
        assertEquals(Map.of(horizons.get(0), 1L, horizons.get(1), 1L, horizons.get(2), 2L), counts.activeExpiringWithin());
        assertEquals(NOW, counts.asOf());
    }

    @Test
    void operationsSeeTheOldestAuditEntryWaitingToBeChainedAndNoneOnceSealed() {
        operations.ping();
        assertEquals(Optional.empty(), operations.oldestUnsealedAuditEntry());
        // committed as a server that stopped before its sealer ran leaves them (appends are inserted at commit, and
        // their commit wakes the sealer, which would race this look)
        sql("INSERT INTO audit_pending (at, actor, action, target, outcome, detail) VALUES"
                + " (TIMESTAMP WITH TIME ZONE '2025-04-01 09:30:20+00', 'tester', 'LOGIN', 'login-id:tester', 'SUCCESS', '')");
        sql("INSERT INTO audit_pending (at, actor, action, target, outcome, detail) VALUES"
                + " (TIMESTAMP WITH TIME ZONE '2025-04-01 09:30:15+00', 'tester', 'LOGIN', 'login-id:tester', 'SUCCESS', '')");
        assertEquals(Optional.of(T0), operations.oldestUnsealedAuditEntry(), "the oldest entry waiting, whatever its place");
        auditTrail.sealPending();
        assertEquals(Optional.empty(), operations.oldestUnsealedAuditEntry());
    }

    @Test
    void dashboardCountsActiveCertificatesExpiringInEachOfTheNext16WeeksStartingMondayInTheZone() {
        LoginId owner = account().id();
        stored(owner, serial(), tokyo("2025-03-31T08:00")); // this week, but expired before now
        stored(owner, serial(), tokyo("2025-04-06T23:59:59")); // Sunday: week 0
        stored(owner, serial(), tokyo("2025-04-07T00:00")); // Monday in Tokyo, still Sunday in UTC: week 1
        stored(owner, serial(), tokyo("2025-04-08T10:00")); // week 1
        stored(owner, serial(), tokyo("2025-07-20T23:00")); // week 15, the last
        stored(owner, serial(), tokyo("2025-07-21T00:00")); // week 16: beyond
        revoke(stored(owner, serial(), tokyo("2025-04-15T12:00")), RevocationReason.SUPERSEDED, NOW);
        revoke(stored(owner, serial(), tokyo("2025-04-22T12:00")), RevocationReason.KEY_COMPROMISE, NOW);

        List<WeekCount> weeks = console.dashboard(NOW, ZONE).expiringPerWeek();

        long[] expected = new long[16];
        expected[0] = 1;
        expected[1] = 2;
        expected[15] = 1;
        assertEquals(IntStream.range(0, 16)
                .mapToObj(week -> new WeekCount(LocalDate.of(2025, 3, 31).plusWeeks(week), expected[week]))
                .toList(), weeks);
        // early on Monday in Tokyo (Sunday in UTC) the new week has begun
        assertEquals(LocalDate.of(2025, 4, 7),
                console.dashboard(tokyo("2025-04-07T00:30"), ZONE).expiringPerWeek().get(0).weekStart());
    }

    @Test
    void dashboardCountsRenewalsStartedAndEndedOnEachOfTheLast30DaysInTheZone() {
        Holder holder = holder();
        Holder open = holder();
        // started today just after midnight in Tokyo (yesterday in UTC), issued and later confirmed
        Renewal.Issued todays = Renewal.start(holder.id(), holder.serial(), tokyo("2025-04-02T00:10")).awaitKey()
                .issue(newCertificate(holder), tokyo("2025-04-02T00:12"));
        renewals.insertRenewal(todays.confirm(tokyo("2025-04-02T00:20")));
        // started yesterday, issued today, not confirmed
        renewals.insertRenewal(Renewal.start(holder.id(), holder.serial(), tokyo("2025-04-01T23:50")).awaitKey()
                .issue(newCertificate(holder), tokyo("2025-04-02T00:05")));
        renewals.insertRenewal(Renewal.start(holder.id(), holder.serial(), tokyo("2025-04-02T11:00"))
                .abandon("the customer chose いいえ", tokyo("2025-04-02T11:15")));
        // on the first day's first instant
        renewals.insertRenewal(Renewal.start(holder.id(), holder.serial(), tokyo("2025-03-04T00:00"))
                .abandon("timed out", tokyo("2025-03-04T00:15")));
        // started the day before the window, failed on its first day
        renewals.insertRenewal(Renewal.start(holder.id(), holder.serial(), tokyo("2025-03-03T23:59:59"))
                .fail(Rejection.of(Code.ISSUANCE_FAILED), tokyo("2025-03-04T00:01")));
        // entirely before the window
        renewals.insertRenewal(Renewal.start(holder.id(), holder.serial(), tokyo("2025-03-03T23:00"))
                .fail(Rejection.of(Code.ISSUANCE_FAILED), tokyo("2025-03-03T23:30")));
        renewals.insertRenewal(Renewal.start(open.id(), open.serial(), tokyo("2025-03-20T10:00")));

        List<DayRenewals> days = console.dashboard(NOW, ZONE).renewalsPerDay();

        Map<LocalDate, DayRenewals> nonZero = Map.of(
                LocalDate.of(2025, 3, 4), new DayRenewals(LocalDate.of(2025, 3, 4), 1, 0, 1, 1),
                LocalDate.of(2025, 3, 20), new DayRenewals(LocalDate.of(2025, 3, 20), 1, 0, 0, 0),
                LocalDate.of(2025, 4, 1), new DayRenewals(LocalDate.of(2025, 4, 1), 1, 0, 0, 0),
                LocalDate.of(2025, 4, 2), new DayRenewals(LocalDate.of(2025, 4, 2), 2, 2, 1, 0));
        assertEquals(IntStream.range(0, 30)
                .mapToObj(day -> LocalDate.of(2025, 3, 4).plusDays(day))
                .map(day -> nonZero.getOrDefault(day, new DayRenewals(day, 0, 0, 0, 0)))
                .toList(), days);
    }

    @Test
    void dashboardCountsNoticesQueuedSentAndGivenUpOnEachOfTheLast7DaysInTheZone() {
        LoginAccount holder = account();
        // queued and sent today just after midnight in Tokyo (yesterday in UTC)
        notice(holder, "SENT", tokyo("2025-04-02T00:05"), tokyo("2025-04-02T00:05"), tokyo("2025-04-02T00:06"));
        // queued yesterday, sent today
        notice(holder, "SENT", tokyo("2025-04-01T23:59"), tokyo("2025-04-01T23:59"), tokyo("2025-04-02T00:01"));
        // queued on the first day's first instant, given up yesterday (its last attempt due then)
        notice(holder, "FAILED", tokyo("2025-03-27T00:00"), tokyo("2025-04-01T10:00"), null);
        // still waiting, queued yesterday
        notice(holder, "QUEUED", tokyo("2025-04-01T08:00"), tokyo("2025-04-02T13:00"), null);
        notice(holder, "SENDING", tokyo("2025-04-01T09:00"), tokyo("2025-04-01T09:00"), null);
        // queued and sent before the window
        notice(holder, "SENT", tokyo("2025-03-26T23:59:59"), tokyo("2025-03-26T23:59:59"), tokyo("2025-03-26T23:59:59"));

        List<DayNotices> days = console.dashboard(NOW, ZONE).noticesPerDay();

        Map<LocalDate, DayNotices> nonZero = Map.of(
                LocalDate.of(2025, 3, 27), new DayNotices(LocalDate.of(2025, 3, 27), 1, 0, 0),
                LocalDate.of(2025, 4, 1), new DayNotices(LocalDate.of(2025, 4, 1), 3, 0, 1),
                LocalDate.of(2025, 4, 2), new DayNotices(LocalDate.of(2025, 4, 2), 1, 2, 0));
        assertEquals(IntStream.range(0, 7)
                .mapToObj(day -> LocalDate.of(2025, 3, 27).plusDays(day))
                .map(day -> nonZero.getOrDefault(day, new DayNotices(day, 0, 0, 0)))
                .toList(), days);
    }

    /** A row of the notice queue as the sender leaves it. */
    private void notice(LoginAccount holder, String state, Instant queuedAt, Instant nextAttemptAt, Instant sentAt) {
        notice(holder, null, "before-40", state, queuedAt, nextAttemptAt, sentAt);
    }

    private void notice(LoginAccount holder, SerialNumber serial, String key, String state, Instant queuedAt,
                        Instant nextAttemptAt, Instant sentAt) {
        int n = IDS.incrementAndGet();
        jdbc.executeWrite(status -> {
            try (PreparedStatement insert = status.getConnection().prepareStatement("""
                    INSERT INTO expiry_notice (subject, notice, certificate_serial, contract_number, login_id, recipient,
                                               language, state, attempts, queued_at, next_attempt_at, sent_at)
                    VALUES (?, ?, ?, ?, ?, 'x@example.jp', 'ja', ?, 1, ?, ?, ?)""")) {
                insert.setString(1, "certificate:n" + n);
                insert.setString(2, key);
                insert.setString(3, serial == null ? null : serial.hex());
                insert.setString(4, holder.contract().value());
                insert.setString(5, holder.id().value());
                insert.setString(6, state);
                insert.setTimestamp(7, Timestamp.from(queuedAt));
                insert.setTimestamp(8, Timestamp.from(nextAttemptAt));
                insert.setTimestamp(9, sentAt == null ? null : Timestamp.from(sentAt));
                return insert.executeUpdate();
            }
        });
    }

    // --- console inventory ---

    @Test
    void theInventoryListsTheActiveCertificatesExpiringInTheWindowByContractWithTheirLastNotice() {
        ContractNumber first = new ContractNumber("C0000");
        contracts.insertContract(new Contract(first, "=Quoted \"Co\", Ltd."));
        LoginAccount admin = account("inv-admin", first, IdKind.ADMINISTRATOR);
        LoginAccount user = account("inv-user", CONTRACT, IdKind.USER);
        Instant until = NOW.plus(Duration.ofDays(40));
        Certificate soon = stored(user.id(), SerialNumber.ofHex("0b01"), NOW.plus(Duration.ofDays(10)));
        Certificate onTheBound = stored(user.id(), SerialNumber.ofHex("0b02"), until);
        stored(user.id(), SerialNumber.ofHex("0b03"), until.plusSeconds(1));
        stored(user.id(), SerialNumber.ofHex("0b04"), NOW); // expired now
        revoke(stored(user.id(), SerialNumber.ofHex("0b05"), NOW.plus(Duration.ofDays(5))), RevocationReason.KEY_COMPROMISE,
                NOW.minusSeconds(60));
        Certificate admins = stored(admin.id(), SerialNumber.ofHex("0a01"), NOW.plus(Duration.ofDays(30)));
        notice(user, soon.serial(), "before-40", "SENT", NOW.minus(Duration.ofDays(30)), NOW, NOW);
        notice(user, soon.serial(), "before-14", "FAILED", NOW.minus(Duration.ofDays(4)), NOW, null);

        List<ExpiringCertificate> rows = expiring.expiringBetween(NOW, until, 10);

        assertEquals(List.of(
                new ExpiringCertificate(first, "=Quoted \"Co\", Ltd.", admin.id(), IdKind.ADMINISTRATOR, admins.serial(),
                        admins.notAfter(), null, null),
                new ExpiringCertificate(CONTRACT, "株式会社サンプル商事", user.id(), IdKind.USER, soon.serial(), soon.notAfter(),
                        "before-14", "FAILED"),
                new ExpiringCertificate(CONTRACT, "株式会社サンプル商事", user.id(), IdKind.USER, onTheBound.serial(),
                        onTheBound.notAfter(), null, null)), rows);
        assertEquals(rows.subList(0, 2), expiring.expiringBetween(NOW, until, 2));
    }

    // --- console search ---

    /** Five certificates whose order differs for every sort field; see searchFixture(). */
    private static final Map<SortField, List<String>> ASCENDING = Map.of(
            SortField.NOT_AFTER, List.of("e5", "a1", "c3", "d4", "b2"),
            SortField.NOT_BEFORE, List.of("a1", "c3", "e5", "d4", "b2"),
            SortField.LOGIN_ID, List.of("a1", "c3", "e5", "b2", "d4"),
            SortField.CONTRACT_NUMBER, List.of("a1", "c3", "e5", "b2", "d4"),
            SortField.SERIAL, List.of("a1", "b2", "c3", "d4", "e5"),
            // as shown: ACTIVE (later notAfter first), EXPIRED, REVOKED, SUPERSEDED
            SortField.STATUS, List.of("d4", "c3", "e5", "b2", "a1"));

    @Test
    void searchSortsByEachFieldBothWays() {
        searchFixture();

        for (SortField field : SortField.values()) {
            List<String> ascending = ASCENDING.get(field);
            assertEquals(ascending, serials(console.search(search(null, null, null, null, null, null, field, false, 0, 10), NOW)),
                    field + " ascending");
            assertEquals(ascending.reversed(), serials(console.search(search(null, null, null, null, null, null, field, true, 0, 10), NOW)),
                    field + " descending");
        }
        // no sort field: by notAfter
        assertEquals(ASCENDING.get(SortField.NOT_AFTER),
                serials(console.search(search(null, null, null, null, null, null, null, false, 0, 10), NOW)));
    }

    @Test
    void searchFiltersByEachCriterionAndTheirCombination() {
        searchFixture();

        assertEquals(List.of("d4", "b2"), serials(searchBy("C0002", null, null, null, null, null)));
        assertEquals(List.of("a1", "c3"), serials(searchBy(null, "alpha_", null, null, null, null)), "'_' is no wildcard");
        assertEquals(List.of("e5", "a1", "c3"), serials(searchBy(null, "alpha", null, null, null, null)));
        assertEquals(List.of("d4"), serials(searchBy(null, null, "D4", null, null, null)));
        assertEquals(List.of(), serials(searchBy(null, null, "ff", null, null, null)));
        assertEquals(List.of(), serials(searchBy(null, null, "not hex", null, null, null)));
        assertEquals(List.of("c3", "d4"), serials(searchBy(null, null, null, CertificateStatus.ACTIVE, null, null)));
        assertEquals(List.of("e5"), serials(searchBy(null, null, null, CertificateStatus.EXPIRED, null, null)));
        assertEquals(List.of("a1"), serials(searchBy(null, null, null, CertificateStatus.SUPERSEDED, null, null)));
        assertEquals(List.of("b2"), serials(searchBy(null, null, null, CertificateStatus.REVOKED, null, null)));
        // days in Tokyo, both included: b2 expires at midnight after May 31 (in UTC still May 31)
        assertEquals(List.of("c3", "d4"),
                serials(searchBy(null, null, null, null, LocalDate.of(2025, 5, 10), LocalDate.of(2025, 5, 31))));
        assertEquals(List.of("d4", "b2"), serials(searchBy(null, null, null, null, LocalDate.of(2025, 5, 11), null)));
        assertEquals(List.of("e5", "a1"), serials(searchBy(null, null, null, null, null, LocalDate.of(2025, 4, 20))));
        assertEquals(List.of("c3"), serials(searchBy("C0001", null, null, CertificateStatus.ACTIVE, null, null)));
        assertEquals(3, searchBy("C0001", "a", null, null, null, null).total());
        assertEquals(0, searchBy("C0001", "beta", null, null, null, null).total());
    }

    @Test
    void searchPagesCarryTheTotalAcrossAllPages() {
        searchFixture();

        List<List<String>> pages = new ArrayList<>();
        for (int page = 0; page <= 3; page++) {
            SearchPage<CertificateSummary> result = console.search(
                    search(null, null, null, null, null, null, SortField.SERIAL, false, page, 2), NOW);
            assertEquals(5, result.total());
            assertEquals(3, result.pages());
            assertEquals(page, result.page());
            pages.add(serials(result));
        }

        assertEquals(List.of(List.of("a1", "b2"), List.of("c3", "d4"), List.of("e5"), List.of()), pages);
        SearchPage<CertificateSummary> filtered = console.search(
                search("C0001", null, null, null, null, null, SortField.SERIAL, true, 1, 2), NOW);
        assertEquals(List.of("a1"), serials(filtered));
        assertEquals(3, filtered.total());
    }

    @Test
    void searchRowsCarryContractNameAndRevocationAndTheStatusAtNow() {
        searchFixture();

        Map<String, CertificateSummary> rows = console.search(search(null, null, null, null, null, null, null, false, 0, 10), NOW)
                .rows().stream().collect(Collectors.toMap(row -> row.serial().hex(), row -> row));

        assertEquals(new CertificateSummary(SerialNumber.ofHex("b2"), new LoginId("beta"), new ContractNumber("C0002"),
                "Other Customer K.K.", CertificateStatus.REVOKED, tokyo("2025-03-01T00:00"), tokyo("2025-06-01T00:00"),
                NOW.minus(Duration.ofDays(1)), RevocationReason.KEY_COMPROMISE), rows.get("b2"));
        assertEquals(new CertificateSummary(SerialNumber.ofHex("e5"), new LoginId("alphax1"), CONTRACT, "株式会社サンプル商事",
                CertificateStatus.EXPIRED, tokyo("2024-06-01T00:00"), tokyo("2025-04-01T10:00"), null, null), rows.get("e5"));
        // a minute before its notAfter, e5 was still active
        assertEquals(CertificateStatus.ACTIVE, console.search(search(null, null, "e5", null, null, null, null, false, 0, 1),
                tokyo("2025-04-01T09:59")).rows().get(0).status());
    }

    // --- login IDs, contracts, owners ---

    @Test
    void loginIdsOfAContractShowTheirCurrentCertificateAndPendingIssuance() {
        Contract other = new Contract(new ContractNumber("C0002"), "Other Customer K.K.");
        contracts.insertContract(other);
        LoginAccount admin = account("adm", CONTRACT, IdKind.ADMINISTRATOR);
        Certificate adminCertificate = stored(admin.id(), serial(), NOW.plus(Duration.ofDays(200)));
        savedAccounts.updateAccount(admin.withCurrentCertificate(adminCertificate.serial()));
        LoginAccount fresh = account("u-new", CONTRACT, IdKind.USER);
        grants.saveGrant(new IssuanceGrant(fresh.id(), "hash", NOW.plus(Duration.ofDays(80))));
        LoginAccount old = account("u-old", CONTRACT, IdKind.USER);
        Certificate oldCertificate = stored(old.id(), serial(), NOW.minus(Duration.ofDays(2)));
        savedAccounts.updateAccount(old.withCurrentCertificate(oldCertificate.serial()).recordFailedPassword(1));
        grants.saveGrant(new IssuanceGrant(old.id(), "hash", NOW)); // deadline passed: not pending
        LoginAccount reissued = account("u-reissued", CONTRACT, IdKind.USER);
        Certificate revoked = revoke(stored(reissued.id(), serial(), NOW.plus(Duration.ofDays(100))),
                RevocationReason.KEY_COMPROMISE, NOW);
        savedAccounts.updateAccount(reissued.withCurrentCertificate(revoked.serial()));
        savedAccounts.updateAccount(accounts.loadAccount(reissued.id()).orElseThrow().withoutCertificate());
        grants.saveGrant(new IssuanceGrant(reissued.id(), "hash", NOW.plusSeconds(1)));
        LoginAccount elsewhere = account("x-other", other.number(), IdKind.ADMINISTRATOR);
        grants.saveGrant(new IssuanceGrant(elsewhere.id(), "hash", NOW.plusSeconds(1)));

        List<LoginIdSummary> expected = List.of(
                new LoginIdSummary(admin.id(), IdKind.ADMINISTRATOR, AccountStatus.ACTIVE, 0, adminCertificate.serial(),
                        CertificateStatus.ACTIVE, adminCertificate.notAfter(), false),
                new LoginIdSummary(fresh.id(), IdKind.USER, AccountStatus.ACTIVE, 0, null, null, null, true),
                new LoginIdSummary(old.id(), IdKind.USER, AccountStatus.LOCKED, 1, oldCertificate.serial(),
                        CertificateStatus.EXPIRED, oldCertificate.notAfter(), false),
                new LoginIdSummary(reissued.id(), IdKind.USER, AccountStatus.ACTIVE, 0, null, null, null, true));
        assertEquals(expected, console.loginIdsOf(CONTRACT, NOW));
        assertEquals(Optional.of(new ContractDetails(contracts.loadContract(CONTRACT).orElseThrow(), expected)),
                console.contractDetails(CONTRACT, NOW));
        assertEquals(List.of(new LoginIdSummary(elsewhere.id(), IdKind.ADMINISTRATOR, AccountStatus.ACTIVE, 0,
                null, null, null, true)), console.loginIdsOf(other.number(), NOW));
    }

    @Test
    void contractWithoutIdsHasAnEmptyListAndAnUnknownContractNone() {
        Contract empty = new Contract(new ContractNumber("E1"), "Empty Ltd.");
        contracts.insertContract(empty);

        assertEquals(List.of(), console.loginIdsOf(empty.number(), NOW));
        assertEquals(Optional.of(new ContractDetails(empty, List.of())), console.contractDetails(empty.number(), NOW));
        assertEquals(Optional.empty(), console.contractDetails(new ContractNumber("NONE"), NOW));
        assertEquals(List.of(), console.loginIdsOf(new ContractNumber("NONE"), NOW));
    }

    @Test
    void loginIdDetailsListCertificatesAndRenewalsNewestFirst() {
        LoginAccount account = account("hist", CONTRACT, IdKind.USER);
        Certificate first = stored(account.id(), serial(), tokyo("2023-04-01T10:00"), tokyo("2024-04-01T10:00"));
        Certificate second = stored(account.id(), serial(), tokyo("2024-03-20T10:01"), tokyo("2025-03-20T10:01"));
        Certificate third = stored(account.id(), serial(), tokyo("2025-03-29T09:01"), tokyo("2026-03-29T09:01"));
        revoke(first, RevocationReason.SUPERSEDED, tokyo("2024-03-21T08:00"));
        savedAccounts.updateAccount(account.withCurrentCertificate(third.serial()));
        Renewal.Confirmed confirmed = Renewal.start(account.id(), first.serial(), tokyo("2024-03-20T10:00")).awaitKey()
                .issue(second.serial(), tokyo("2024-03-20T10:01")).confirm(tokyo("2024-03-21T08:00"));
        Renewal.Abandoned abandoned = Renewal.start(account.id(), second.serial(), tokyo("2025-03-01T09:00"))
                .abandon("the customer chose いいえ", tokyo("2025-03-01T09:05"));
        Renewal.Failed failed = Renewal.start(account.id(), second.serial(), tokyo("2025-03-10T09:00")).awaitKey()
                .fail(Rejection.of(Code.KEY_NOT_ACCEPTED, "RSA keys shorter than 2048 bits are not accepted."),
                        tokyo("2025-03-10T09:03"));
        Renewal.Issued issued = Renewal.start(account.id(), second.serial(), tokyo("2025-03-29T09:00")).awaitKey()
                .issue(third.serial(), tokyo("2025-03-29T09:01"));
        Renewal.Started open = Renewal.start(account.id(), third.serial(), tokyo("2025-04-01T09:00"));
        for (Renewal renewal : List.of(abandoned, open, confirmed, issued, failed)) {
            renewals.insertRenewal(renewal);
        }
        Holder someoneElse = holder();
        renewals.insertRenewal(Renewal.start(someoneElse.id(), someoneElse.serial(), NOW));

        LoginIdDetails details = console.loginIdDetails(account.id(), NOW).orElseThrow();

        assertEquals(new LoginIdSummary(account.id(), IdKind.USER, AccountStatus.ACTIVE, 0, third.serial(),
                CertificateStatus.ACTIVE, third.notAfter(), false), details.id());
        assertEquals(CONTRACT, details.contract());
        assertEquals("株式会社サンプル商事", details.contractName());
        assertEquals(List.of(third.serial(), second.serial(), first.serial()),
                details.certificates().stream().map(CertificateSummary::serial).toList());
        assertEquals(List.of(CertificateStatus.ACTIVE, CertificateStatus.EXPIRED, CertificateStatus.SUPERSEDED),
                details.certificates().stream().map(CertificateSummary::status).toList());
        assertEquals(List.of(
                new RenewalAttempt(open.id(), RenewalState.STARTED, open.startedAt(), null, third.serial(), null, null),
                new RenewalAttempt(issued.id(), RenewalState.ISSUED, issued.startedAt(), issued.issuedAt(),
                        second.serial(), third.serial(), null),
                new RenewalAttempt(failed.id(), RenewalState.FAILED, failed.startedAt(), failed.endedAt(),
                        second.serial(), null, "RSA keys shorter than 2048 bits are not accepted."),
                new RenewalAttempt(abandoned.id(), RenewalState.ABANDONED, abandoned.startedAt(), abandoned.endedAt(),
                        second.serial(), null, "the customer chose いいえ"),
                new RenewalAttempt(confirmed.id(), RenewalState.CONFIRMED, confirmed.startedAt(), confirmed.issuedAt(),
                        first.serial(), second.serial(), null)), details.renewals());
    }

    @Test
    void loginIdDetailsOfAnIdWithoutCertificatesOrRenewals() {
        LoginAccount account = account("bare", CONTRACT, IdKind.ADMINISTRATOR);
        grants.saveGrant(new IssuanceGrant(account.id(), "hash", NOW.plus(Duration.ofDays(1))));

        assertEquals(Optional.of(new LoginIdDetails(new LoginIdSummary(account.id(), IdKind.ADMINISTRATOR,
                        AccountStatus.ACTIVE, 0, null, null, null, true), CONTRACT, "株式会社サンプル商事", List.of(), List.of())),
                console.loginIdDetails(account.id(), NOW));
        assertEquals(Optional.empty(), console.loginIdDetails(new LoginId("nobody"), NOW));
    }

    @Test
    void ownerOfACertificateIsTheLoginIdItWasIssuedTo() {
        Holder holder = holder();
        SerialNumber renewed = newCertificate(holder);

        assertEquals(Optional.of(holder.id()), console.ownerOf(holder.serial()));
        assertEquals(Optional.of(holder.id()), console.ownerOf(renewed));
        assertEquals(Optional.empty(), console.ownerOf(serial()));
    }

    // --- audit trail queries ---

    @Test
    void auditTrailIsReadNewestFirstWithFiltersPagesAndTotal() {
        auditTrail.append(auditEvent(1, "staff:op1", "STAFF_LOGIN", "staff:op1", AuditEvent.SUCCESS));
        auditTrail.append(auditEvent(2, "admin.01", "REGISTER_USER_ID", "login-id:user_1", AuditEvent.SUCCESS));
        auditTrail.append(auditEvent(3, "admin.01", "REVOKE_CERTIFICATE", "certificate:abc", AuditEvent.REFUSED));
        auditTrail.append(auditEvent(4, "staff:op1", "REVOKE_CERTIFICATE", "certificate:abd", AuditEvent.SUCCESS));
        auditTrail.append(auditEvent(5, "system:sweep", "RENEWAL_ABANDONED", "login-id:userx1", AuditEvent.SUCCESS));
        auditTrail.append(auditEvent(6, "admin.01", "UNLOCK_ID", "login-id:user_1", AuditEvent.FAILED));

        SearchPage<AuditRecord> first = auditQuery.read(new AuditFilter(null, null, null, null, null, null, 0, 4));
        assertEquals(List.of(6L, 5L, 4L, 3L), seqs(first));
        assertEquals(6, first.total());
        assertEquals(new AuditRecord(3, T0.plusSeconds(3), "admin.01", "REVOKE_CERTIFICATE", "certificate:abc",
                AuditEvent.REFUSED, "detail 3, ünïcødé 更新"), first.rows().get(3));
        assertEquals(List.of(2L, 1L), seqs(auditQuery.read(new AuditFilter(null, null, null, null, null, null, 1, 4))));
        assertEquals(List.of(), seqs(auditQuery.read(new AuditFilter(null, null, null, null, null, null, 2, 4))));

        assertEquals(List.of(6L, 3L, 2L), seqs(auditQuery.read(new AuditFilter("admin.01", null, null, null, null, null, 0, 10))));
        assertEquals(List.of(4L, 3L), seqs(auditQuery.read(new AuditFilter(null, "REVOKE_CERTIFICATE", null, null, null, null, 0, 10))));
        assertEquals(List.of(6L, 2L), seqs(auditQuery.read(new AuditFilter(null, null, "login-id:user_", null, null, null, 0, 10))),
                "'_' is no wildcard");
        assertEquals(List.of(4L, 3L), seqs(auditQuery.read(new AuditFilter(null, null, "certificate:", null, null, null, 0, 10))));
        assertEquals(List.of(5L, 4L, 2L, 1L), seqs(auditQuery.read(new AuditFilter(null, null, null, AuditEvent.SUCCESS, null, null, 0, 10))));
        assertEquals(List.of(4L, 3L, 2L), seqs(auditQuery.read(
                new AuditFilter(null, null, null, null, T0.plusSeconds(2), T0.plusSeconds(5), 0, 10))), "from included, to excluded");
        SearchPage<AuditRecord> combined = auditQuery.read(
                new AuditFilter("admin.01", null, "login-id:", AuditEvent.SUCCESS, T0, null, 0, 10));
        assertEquals(List.of(2L), seqs(combined));
        assertEquals(1, combined.total());
        SearchPage<AuditRecord> secondOfThree = auditQuery.read(new AuditFilter("admin.01", null, null, null, null, null, 1, 2));
        assertEquals(List.of(2L), seqs(secondOfThree));
        assertEquals(3, secondOfThree.total());
    }

    @Test
    void auditVerificationCountsTheEntriesOfAnIntactChain() {
        assertEquals(new AuditVerification(0, Optional.empty()), auditQuery.verify());
        for (int i = 1; i <= 5; i++) {
            auditTrail.append(event("ACTION_" + i, i));
        }

        assertEquals(new AuditVerification(5, Optional.empty()), auditQuery.verify());
    }

    @Test
    void auditVerificationNamesTheRowChangedBehindTheAdaptersBack() {
        for (int i = 1; i <= 5; i++) {
            auditTrail.append(event("ACTION_" + i, i));
        }

        auditTrail.sealPending();
        sql("UPDATE audit_entry SET outcome = 'SUCCESS', actor = 'someone else' WHERE seq = 3");

        assertEquals(new AuditVerification(5, Optional.of(3L)), auditQuery.verify());
    }

    @Test
    void auditVerificationNamesTheSuccessorOfADeletedRow() {
        for (int i = 1; i <= 5; i++) {
            auditTrail.append(event("ACTION_" + i, i));
        }

        auditTrail.sealPending();
        sql("DELETE FROM audit_entry WHERE seq = 2");

        assertEquals(new AuditVerification(4, Optional.of(3L)), auditQuery.verify());
    }

    @Test
    void theChainsEndIsTheGenesisWhileEmptyAndItsLastSealedEntryAfterwards() {
        assertEquals(new AuditChainEnd(0, JdbcAuditTrail.GENESIS_HASH), auditQuery.chainEnd());
        for (int i = 1; i <= 3; i++) {
            auditTrail.append(event("ACTION_" + i, i));
        }

        AuditChainEnd end = auditQuery.chainEnd(); // seals the pending entries itself

        assertEquals(3, end.lastSeq());
        assertEquals(Map.of(3L, end.lastHash()), auditQuery.storedHashes(Set.of(3L)));
    }

    @Test
    void storedHashesAreTheHashesAsStoredForTheEntriesThatExist() {
        for (int i = 1; i <= 5; i++) {
            auditTrail.append(event("ACTION_" + i, i));
        }
        auditTrail.sealPending();
        sql("UPDATE audit_entry SET hash = '" + "e".repeat(64) + "' WHERE seq = 4");
        sql("DELETE FROM audit_entry WHERE seq = 2");

        Map<Long, String> hashes = auditQuery.storedHashes(Set.of(1L, 2L, 4L, 9L));

        assertEquals(Set.of(1L, 4L), hashes.keySet());
        assertEquals("e".repeat(64), hashes.get(4L));
        assertEquals(Map.of(), auditQuery.storedHashes(Set.of()));
    }

    @Test
    void storedHashesLooksUpMoreEntriesThanOneQueryTakes() {
        for (int i = 1; i <= 600; i++) {
            auditTrail.append(event("ACTION_" + i, i));
        }
        auditTrail.sealPending();

        Set<Long> all = LongStream.rangeClosed(1, 601).boxed().collect(Collectors.toSet());

        assertEquals(LongStream.rangeClosed(1, 600).boxed().collect(Collectors.toSet()),
                auditQuery.storedHashes(all).keySet());
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
        savedCertificates.insertCertificate(certificate, publicKeyOf(certificate));
        savedAccounts.updateAccount(account.withCurrentCertificate(certificate.serial()));
        return new Holder(accounts.loadAccount(account.id()).orElseThrow(), certificate);
    }

    /** Records a renewed certificate for the holder and returns its serial. */
    private SerialNumber newCertificate(Holder holder) {
        Certificate certificate = certificate(holder.id(), T0);
        savedCertificates.insertCertificate(certificate, publicKeyOf(certificate));
        return certificate.serial();
    }

    private Renewal.Issued issuedRenewal(Holder holder, Instant startedAt) {
        Renewal.Issued issued = Renewal.start(holder.id(), holder.serial(), startedAt).awaitKey()
                .issue(newCertificate(holder), startedAt.plusSeconds(20));
        renewals.insertRenewal(issued);
        return issued;
    }

    /** A stand-in for the DER SubjectPublicKeyInfo a certificate certifies: one per certificate. */
    private static byte[] publicKeyOf(Certificate certificate) {
        return ("public key of " + certificate.serial().hex()).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static Certificate certificate(LoginId owner, Instant notBefore) {
        SubjectName subject = new SubjectName("JP", "株式会社サンプル商事", CONTRACT.value(), owner.value());
        return Certificate.issued(serial(), owner, subject, "CN=Sample Bank Client CA G1,O=Sample Bank,C=JP",
                notBefore, notBefore.plus(Duration.ofDays(365)), randomBytes(700), fingerprint());
    }

    // --- console fixtures ---

    /** A Wednesday noon in Tokyo. */
    private static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");
    private static final Instant NOW = tokyo("2025-04-02T12:00");

    private static Instant tokyo(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
    }

    private LoginAccount account(String id, ContractNumber contract, IdKind kind) {
        LoginAccount account = LoginAccount.register(new LoginId(id), contract, kind);
        savedAccounts.insertAccount(account);
        return account;
    }

    /** An active certificate valid for a year up to {@code notAfter}. */
    private Certificate stored(LoginId owner, SerialNumber serial, Instant notAfter) {
        return stored(owner, serial, notAfter.minus(Duration.ofDays(365)), notAfter);
    }

    private Certificate stored(LoginId owner, SerialNumber serial, Instant notBefore, Instant notAfter) {
        SubjectName subject = new SubjectName("JP", "株式会社サンプル商事", CONTRACT.value(), owner.value());
        Certificate certificate = Certificate.issued(serial, owner, subject, "CN=Sample Bank Client CA G1,O=Sample Bank,C=JP",
                notBefore, notAfter, randomBytes(300), fingerprint());
        savedCertificates.insertCertificate(certificate, publicKeyOf(certificate));
        return certificate;
    }

    private Certificate revoke(Certificate certificate, RevocationReason reason, Instant at) {
        Certificate revoked = certificate.revoke(reason, at);
        savedCertificates.updateCertificate(revoked);
        return revoked;
    }

    /**
     * Two contracts, three IDs, five certificates (serials a1 to e5) whose order differs for every
     * sort field (see ASCENDING), at NOW: c3 and d4 active, e5 expired, a1 superseded, b2 revoked.
     */
    private void searchFixture() {
        ContractNumber other = new ContractNumber("C0002");
        contracts.insertContract(new Contract(other, "Other Customer K.K."));
        LoginId alpha = account("alpha_1", CONTRACT, IdKind.USER).id();
        LoginId alphaX = account("alphax1", CONTRACT, IdKind.USER).id();
        LoginId beta = account("beta", other, IdKind.ADMINISTRATOR).id();
        stored(alpha, SerialNumber.ofHex("c3"), tokyo("2024-05-10T10:00"), tokyo("2025-05-10T10:00"));
        revoke(stored(alpha, SerialNumber.ofHex("a1"), tokyo("2024-01-01T00:00"), tokyo("2025-04-20T10:00")),
                RevocationReason.SUPERSEDED, NOW.minus(Duration.ofDays(2)));
        stored(alphaX, SerialNumber.ofHex("e5"), tokyo("2024-06-01T00:00"), tokyo("2025-04-01T10:00"));
        revoke(stored(beta, SerialNumber.ofHex("b2"), tokyo("2025-03-01T00:00"), tokyo("2025-06-01T00:00")),
                RevocationReason.KEY_COMPROMISE, NOW.minus(Duration.ofDays(1)));
        stored(beta, SerialNumber.ofHex("d4"), tokyo("2024-12-01T00:00"), tokyo("2025-05-31T23:59:59"));
    }

    private static CertificateSearch search(String contract, String loginIdPrefix, String serialHex,
                                            CertificateStatus status, LocalDate expiryFrom, LocalDate expiryTo,
                                            SortField sort, boolean descending, int page, int pageSize) {
        return new CertificateSearch(contract, loginIdPrefix, serialHex, status, expiryFrom, expiryTo, sort, descending,
                page, pageSize);
    }

    /** Sorted by notAfter, ascending. */
    private SearchPage<CertificateSummary> searchBy(String contract, String loginIdPrefix, String serialHex,
                                                CertificateStatus status, LocalDate expiryFrom, LocalDate expiryTo) {
        SearchPage<CertificateSummary> page = console.search(search(contract, loginIdPrefix, serialHex, status, expiryFrom,
                expiryTo, SortField.NOT_AFTER, false, 0, 50), NOW);
        assertEquals(page.rows().size(), page.total());
        return page;
    }

    private static List<String> serials(SearchPage<CertificateSummary> page) {
        return page.rows().stream().map(row -> row.serial().hex()).toList();
    }

    private static List<Long> seqs(SearchPage<AuditRecord> page) {
        return page.rows().stream().map(AuditRecord::seq).toList();
    }

    private static AuditEvent auditEvent(int second, String actor, String action, String target, String outcome) {
        return new AuditEvent(T0.plusSeconds(second), actor, action, target, outcome, "detail " + second + ", ünïcødé 更新");
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

    private List<String> strings(String query) {
        return jdbc.executeRead(status -> {
            List<String> values = new ArrayList<>();
            try (Statement s = status.getConnection().createStatement(); ResultSet rs = s.executeQuery(query)) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        });
    }

    /** Committed entries, chained or not yet. */
    private long countAuditEntries() {
        return queryLong("SELECT (SELECT COUNT(*) FROM audit_entry) + (SELECT COUNT(*) FROM audit_pending)");
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

    // --- cluster leases: two nodes sharing the database ---

    private static final Duration LEASE = Duration.ofSeconds(30);

    @Test
    void ofTwoNodesAskingForAFreeLeaseOneHoldsItAndTheOtherIsRefusedUntilItExpires() {
        assertTrue(leases.tryHold("task-a", "node-1", T0, LEASE));
        assertFalse(leases.tryHold("task-a", "node-2", T0.plusSeconds(1), LEASE));
        assertFalse(leases.tryHold("task-a", "node-2", T0.plus(LEASE).minusMillis(1), LEASE), "still held a moment before it expires");
        assertEquals(Optional.of("node-1"), leases.holder("task-a", T0.plusSeconds(29)));

        assertTrue(leases.tryHold("task-a", "node-2", T0.plus(LEASE), LEASE), "a dead holder's lease is taken over once expired");
        assertEquals(Optional.of("node-2"), leases.holder("task-a", T0.plus(LEASE)));
        assertFalse(leases.tryHold("task-a", "node-1", T0.plus(LEASE).plusSeconds(1), LEASE), "the old holder lost it");
        assertTrue(leases.tryHold("task-b", "node-1", T0, LEASE), "leases are per task");
    }

    @Test
    void theHolderRenewingItsLeaseKeepsItPastTheFirstExpiry() {
        assertTrue(leases.tryHold("task-a", "node-1", T0, LEASE));
        assertTrue(leases.tryHold("task-a", "node-1", T0.plusSeconds(20), LEASE), "renewed by its holder");

        assertFalse(leases.tryHold("task-a", "node-2", T0.plusSeconds(40), LEASE), "past the first expiry, within the renewed one");
        assertEquals(Optional.of("node-1"), leases.holder("task-a", T0.plusSeconds(49)));
        assertEquals(Optional.empty(), leases.holder("task-a", T0.plusSeconds(50)), "expired 30 s after the renewal");
        assertTrue(leases.tryHold("task-a", "node-2", T0.plusSeconds(50), LEASE));
    }

    @Test
    void aReleasedLeaseIsFreeAtOnceAndOnlyItsHolderCanReleaseIt() {
        assertTrue(leases.tryHold("task-a", "node-1", T0, LEASE));
        leases.release("task-a", "node-2");
        assertFalse(leases.tryHold("task-a", "node-2", T0.plusSeconds(1), LEASE), "another node cannot release it");

        leases.release("task-a", "node-1");
        assertEquals(Optional.empty(), leases.holder("task-a", T0.plusSeconds(1)));
        assertTrue(leases.tryHold("task-a", "node-2", T0.plusSeconds(1), LEASE));
    }

    @Test
    void ofManyNodesRacingForALeaseExactlyOneWins() throws Exception {
        for (Instant at : List.of(T0, T0.plus(LEASE).plusSeconds(1))) { // the first row, then an expired one
            ExecutorService nodes = Executors.newFixedThreadPool(8);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Callable<Boolean>> attempts = IntStream.range(0, 8).<Callable<Boolean>>mapToObj(i -> () -> {
                    start.await();
                    return leases.tryHold("raced", "node-" + i + "-" + at, at, LEASE);
                }).toList();
                List<Future<Boolean>> results = attempts.stream().map(nodes::submit).toList();
                start.countDown();
                long winners = 0;
                for (Future<Boolean> result : results) {
                    winners += result.get() ? 1 : 0;
                }
                assertEquals(1, winners, "winners at " + at);
                assertTrue(leases.holder("raced", at).orElseThrow().endsWith("-" + at));
            } finally {
                nodes.shutdownNow();
            }
        }
    }
}
