package certrenewal.application.service;

import static certrenewal.application.service.RenewalUseCasesTest.assertRefused;
import static certrenewal.application.service.TestWorld.ADMIN;
import static certrenewal.application.service.TestWorld.APPROVAL_DEADLINE;
import static certrenewal.application.service.TestWorld.AUDITOR;
import static certrenewal.application.service.TestWorld.OPERATOR;
import static certrenewal.application.service.TestWorld.passwordOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import certrenewal.application.port.in.admin.IssuancePassword;
import certrenewal.application.port.in.admin.RevokeCertificateCommand;
import certrenewal.application.port.in.console.DecideApprovalUseCase;
import certrenewal.application.port.in.console.ListApprovalRequestsUseCase;
import certrenewal.application.port.in.console.RequestApprovalCommand;
import certrenewal.application.port.out.AuditEvent;
import certrenewal.domain.Rejection.Code;
import certrenewal.domain.account.AccountStatus;
import certrenewal.domain.account.Contract;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.account.LoginPassword;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.ApprovalRequest;
import certrenewal.domain.administration.ApprovalRequest.State;
import certrenewal.domain.administration.DualControlAction;
import certrenewal.domain.administration.DualControlPolicy;
import certrenewal.domain.administration.StaffRole;
import certrenewal.domain.certificate.CertificateStatus;
import certrenewal.domain.certificate.RevocationReason;
import certrenewal.domain.certificate.SerialNumber;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Dual control (four eyes): one operator requests a console action, another approves or rejects it. */
class DualControlUseCasesTest {
    private static final Actor.Staff SATO = new Actor.Staff("sato", StaffRole.OPERATOR);
    private static final Actor.Staff ITO = new Actor.Staff("ito", StaffRole.OPERATOR);
    private static final Actor.Staff SECURITY = new Actor.Staff("kato", StaffRole.SECURITY_ADMIN);

    private final TestWorld world = new TestWorld();
    private final InMemoryStore store = world.store;
    private SerialNumber adminCertificate;

    @BeforeEach
    void staffAndTime() {
        for (Actor.Staff member : List.of(OPERATOR, SATO, ITO, AUDITOR, SECURITY)) {
            world.addStaff(member);
        }
        adminCertificate = world.first.certificate().serial();
        world.clock.advance(Duration.ofDays(3));
    }

    private ApprovalRequest requestRevocation() {
        return world.requestApproval.request(RequestApprovalCommand.revoke(OPERATOR, adminCertificate,
                RevocationReason.KEY_COMPROMISE, "customer reported the PC stolen", pw(OPERATOR)));
    }

    private static char[] pw(Actor.Staff member) {
        return passwordOf(member).toCharArray();
    }

    @Test
    void anotherOperatorApprovesARevocationWhichThenRunsWithBothNamesInItsAuditRecord() {
        ApprovalRequest request = requestRevocation();

        assertEquals(State.PENDING, request.state());
        assertEquals(CertificateStatus.ACTIVE, store.certificate(adminCertificate).storedStatus(), "nothing runs on request");
        AuditEvent requested = store.audit("APPROVAL_REQUESTED").getLast();
        assertEquals("staff:tanaka", requested.actor());
        assertTrue(requested.detail().contains("customer reported the PC stolen"));
        assertEquals(List.of(request.id()), ids(world.listApprovals.pending(SATO)));

        DecideApprovalUseCase.Approval approval = world.decideApproval.approve(SATO, request.id(), pw(SATO));

        assertEquals(State.APPROVED, approval.request().state());
        assertEquals(CertificateStatus.REVOKED, store.certificate(adminCertificate).storedStatus());
        assertEquals(RevocationReason.KEY_COMPROMISE, store.certificate(adminCertificate).revocationReason());
        AuditEvent revoked = store.audit("CERTIFICATE_REVOKED").getLast();
        assertEquals(AuditEvent.SUCCESS, revoked.outcome());
        assertEquals("staff:sato", revoked.actor());
        assertTrue(revoked.detail().contains("requested by staff:tanaka"), revoked.detail());
        assertTrue(revoked.detail().contains("approved by staff:sato"), revoked.detail());
        assertEquals(AuditEvent.SUCCESS, store.audit("APPROVAL_APPROVED").getLast().outcome());
        assertEquals(List.of(), world.listApprovals.pending(SATO));
        assertEquals(State.APPROVED, world.listApprovals.requestedBy(OPERATOR).getFirst().state());
    }

    @Test
    void nobodyApprovesOrRejectsTheirOwnRequestAndTheRefusalChangesNothing() {
        ApprovalRequest request = requestRevocation();
        String before = store.contents();

        assertRefused(Code.OWN_APPROVAL, () -> world.decideApproval.approve(OPERATOR, request.id(), pw(OPERATOR)));
        assertRefused(Code.OWN_APPROVAL, () -> world.decideApproval.reject(OPERATOR, request.id(), "changed my mind"));

        assertEquals(before, store.contents());
        assertEquals(AuditEvent.REFUSED, store.audit("APPROVAL_APPROVED").getLast().outcome());
        assertEquals(AuditEvent.REFUSED, store.audit("APPROVAL_REJECTED").getLast().outcome());
        ListApprovalRequestsUseCase.Item own = world.listApprovals.pending(OPERATOR).getFirst();
        assertFalse(own.mayDecide());
        assertTrue(world.listApprovals.pending(SATO).getFirst().mayDecide());
    }

    @Test
    void auditorsAndSecurityAdministratorsNeitherRequestNorDecide() {
        ApprovalRequest request = requestRevocation();
        String before = store.contents();

        for (Actor.Staff member : List.of(AUDITOR, SECURITY)) {
            assertRefused(Code.NOT_PERMITTED, () -> world.decideApproval.approve(member, request.id(), pw(member)));
            assertRefused(Code.NOT_PERMITTED, () -> world.decideApproval.reject(member, request.id(), "no"));
            assertRefused(Code.NOT_PERMITTED, () -> world.requestApproval.request(RequestApprovalCommand.revoke(member,
                    adminCertificate, RevocationReason.KEY_COMPROMISE, "x", pw(member))));
            assertFalse(world.listApprovals.pending(member).getFirst().mayDecide());
        }
        assertEquals(before, store.contents());
        assertEquals(CertificateStatus.ACTIVE, store.certificate(adminCertificate).storedStatus());
    }

    @Test
    void aRequestNeedsTheRequestersOwnPassword() {
        assertRefused(Code.WRONG_CONFIRMATION_PASSWORD, () -> world.requestApproval.request(RequestApprovalCommand.revoke(
                OPERATOR, adminCertificate, RevocationReason.KEY_COMPROMISE, "stolen", "wrong-password".toCharArray())));
        assertEquals(AuditEvent.REFUSED, store.audit("APPROVAL_REQUESTED").getLast().outcome());
        assertEquals(List.of(), world.listApprovals.requestedBy(OPERATOR));
        assertEquals(1, store.staff(OPERATOR.username()).failedPasswordAttempts(), "the wrong password counts");
    }

    @Test
    void aWrongApproverPasswordLeavesTheRequestPending() {
        ApprovalRequest request = requestRevocation();

        assertRefused(Code.WRONG_CONFIRMATION_PASSWORD,
                () -> world.decideApproval.approve(SATO, request.id(), "wrong-password".toCharArray()));

        assertEquals(State.PENDING, store.loadRequest(request.id()).orElseThrow().state());
        assertEquals(CertificateStatus.ACTIVE, store.certificate(adminCertificate).storedStatus());
    }

    @Test
    void aRequestExpiresUnapprovedAtItsDeadline() {
        ApprovalRequest request = requestRevocation();
        world.clock.advance(APPROVAL_DEADLINE);
        String before = store.contents();

        assertRefused(Code.APPROVAL_EXPIRED, () -> world.decideApproval.approve(SATO, request.id(), pw(SATO)));
        assertRefused(Code.APPROVAL_EXPIRED, () -> world.decideApproval.reject(SATO, request.id(), "too late"));

        assertEquals(before, store.contents());
        assertEquals(CertificateStatus.ACTIVE, store.certificate(adminCertificate).storedStatus());
        assertEquals(State.EXPIRED, world.listApprovals.pending(SATO).getFirst().state());
        assertEquals(State.EXPIRED, world.listApprovals.requestedBy(OPERATOR).getFirst().state());
    }

    @Test
    void theSweepRecordsAnOverdueRequestAsExpiredOnceWithAnAuditRecord() {
        ApprovalRequest overdue = requestRevocation();
        world.clock.advance(APPROVAL_DEADLINE.minusMinutes(1));
        ApprovalRequest open = world.requestApproval.request(RequestApprovalCommand.onLoginId(OPERATOR,
                DualControlAction.REISSUE_ADMINISTRATOR_ID, ADMIN, "customer lost the PC", pw(OPERATOR)));
        assertEquals(0, world.expireApprovals.expireOverdue(), "nothing is overdue before its deadline");
        world.clock.advance(Duration.ofMinutes(1));

        assertEquals(1, world.expireApprovals.expireOverdue());
        assertEquals(0, world.expireApprovals.expireOverdue(), "recorded once");

        assertEquals(State.EXPIRED, store.loadRequest(overdue.id()).orElseThrow().state());
        assertEquals(State.PENDING, store.loadRequest(open.id()).orElseThrow().state());
        AuditEvent expired = store.audit("APPROVAL_EXPIRED").getLast();
        assertEquals("system", expired.actor());
        assertEquals("approval:" + overdue.id(), expired.target());
        assertTrue(expired.detail().contains("requested by staff:tanaka"), expired.detail());
        assertEquals(1, store.audit("APPROVAL_EXPIRED").size());
        assertEquals(List.of(open.id()), ids(world.listApprovals.pending(SATO)), "the queue keeps only what may be decided");
        assertRefused(Code.APPROVAL_EXPIRED, () -> world.decideApproval.approve(SATO, overdue.id(), pw(SATO)));
        assertEquals(CertificateStatus.ACTIVE, store.certificate(adminCertificate).storedStatus());
    }

    @Test
    void aDecidedRequestIsNotDecidedAgain() {
        ApprovalRequest request = requestRevocation();
        ApprovalRequest rejected = world.decideApproval.reject(SATO, request.id(), "the customer did not confirm");
        assertEquals(State.REJECTED, rejected.state());
        assertEquals("the customer did not confirm", rejected.outcome());
        assertEquals(CertificateStatus.ACTIVE, store.certificate(adminCertificate).storedStatus(), "a rejection runs nothing");
        String before = store.contents();

        assertRefused(Code.APPROVAL_DECIDED, () -> world.decideApproval.approve(ITO, request.id(), pw(ITO)));

        assertEquals(before, store.contents());
        assertEquals(State.REJECTED, world.listApprovals.requestedBy(OPERATOR).getFirst().state());
        assertThrows(IllegalArgumentException.class, () -> world.decideApproval.reject(ITO, request.id(), " "));
    }

    @Test
    void anActionRefusedAtApprovalMakesTheRequestFailedAndChangesNothingElse() {
        ApprovalRequest request = world.requestApproval.request(RequestApprovalCommand.onLoginId(OPERATOR,
                DualControlAction.UNLOCK_ADMINISTRATOR_ID, ADMIN, "customer locked out", pw(OPERATOR)));
        AccountStatus status = store.account(ADMIN).status();

        DecideApprovalUseCase.Approval approval = world.decideApproval.approve(SATO, request.id(), pw(SATO));

        assertEquals(State.FAILED, approval.request().state());
        assertEquals("NOT_LOCKED", approval.request().outcome());
        assertEquals(State.FAILED, store.loadRequest(request.id()).orElseThrow().state());
        assertEquals(status, store.account(ADMIN).status());
        assertEquals(AuditEvent.REFUSED, store.audit("ID_UNLOCKED").getLast().outcome());
        assertTrue(store.audit("APPROVAL_FAILED").getLast().detail().contains("requested by staff:tanaka"));
    }

    @Test
    void anActionFailingInItsTransactionLeavesTheRequestPendingAndNothingDone() {
        ApprovalRequest request = requestRevocation();
        store.failAuditAppendsOf("CERTIFICATE_REVOKED"); // the database fails after the revocation was written
        int approvals = store.audit("APPROVAL_APPROVED").size();

        assertThrows(RuntimeException.class, () -> world.decideApproval.approve(SATO, request.id(), pw(SATO)));

        assertEquals(State.PENDING, store.loadRequest(request.id()).orElseThrow().state(),
                "not approved while its action did not happen");
        assertEquals(CertificateStatus.ACTIVE, store.certificate(adminCertificate).storedStatus());
        assertEquals(approvals, store.audit("APPROVAL_APPROVED").size());

        store.stopFailingAuditAppends();
        world.decideApproval.approve(SATO, request.id(), pw(SATO));

        assertEquals(State.APPROVED, store.loadRequest(request.id()).orElseThrow().state());
        assertEquals(CertificateStatus.REVOKED, store.certificate(adminCertificate).storedStatus());
    }

    @Test
    void aRegistrationFailingInItsTransactionLeavesTheRequestPendingAndNoContract() {
        Contract contract = new Contract(new ContractNumber("C0778"), "株式会社失敗商事");
        LoginId administrator = new LoginId("failed-admin");
        ApprovalRequest request = world.requestApproval.request(RequestApprovalCommand.register(OPERATOR, contract,
                administrator, new LoginPassword("Shippai-Pass-2027".toCharArray()),
                new certrenewal.domain.notice.EmailAddress("keiri@shippai.example.jp"),
                certrenewal.domain.notice.NoticeLanguage.JA, "new customer"));
        store.failAuditAppendsOf("CONTRACT_REGISTERED");

        assertThrows(RuntimeException.class, () -> world.decideApproval.approve(SATO, request.id(), pw(SATO)));

        assertEquals(State.PENDING, store.loadRequest(request.id()).orElseThrow().state());
        assertTrue(store.loadContract(contract.number()).isEmpty());
        assertTrue(store.loadAccount(administrator).isEmpty());
        assertTrue(store.audit("APPROVAL_APPROVED").isEmpty());
    }

    @Test
    void theDirectServicesRefuseAStaffActionUnderDualControlAndChangeNothing() {
        DualControlPolicy all = DualControlPolicy.all();
        RevokeCertificateService revoke = new RevokeCertificateService(all, store, store, store, store, store,
                world.confirmations, world.crl, store, store, world.clock);
        UnlockLoginIdService unlock = new UnlockLoginIdService(all, store, store, world.confirmations, store, store,
                world.clock);
        world.lock(ADMIN);
        world.lock(TestWorld.USER);
        String before = store.contents();

        assertRefused(Code.APPROVAL_REQUIRED, () -> revoke.revoke(new RevokeCertificateCommand(OPERATOR,
                adminCertificate, RevocationReason.KEY_COMPROMISE, pw(OPERATOR))));
        assertRefused(Code.APPROVAL_REQUIRED, () -> unlock.unlock(OPERATOR, ADMIN, pw(OPERATOR)));

        assertEquals(before, store.contents(), "refused before anything changed");
        assertEquals(AuditEvent.REFUSED, store.audit("CERTIFICATE_REVOKED").getLast().outcome());
        // the customer's own administrator unlocks its user IDs at once: not the bank's four eyes
        unlock.unlock(TestWorld.ADMIN_ACTOR, TestWorld.USER, passwordOf(ADMIN).toCharArray());
        assertEquals(AccountStatus.ACTIVE, store.account(TestWorld.USER).status());
    }

    @Test
    void anApprovedUnlockUnlocksTheAdministratorId() {
        world.lock(ADMIN);
        ApprovalRequest request = world.requestApproval.request(RequestApprovalCommand.onLoginId(OPERATOR,
                DualControlAction.UNLOCK_ADMINISTRATOR_ID, ADMIN, "customer locked out", pw(OPERATOR)));
        assertEquals(AccountStatus.LOCKED, store.account(ADMIN).status());

        world.decideApproval.approve(SATO, request.id(), pw(SATO));

        assertEquals(AccountStatus.ACTIVE, store.account(ADMIN).status());
        assertTrue(store.audit("ID_UNLOCKED").getLast().detail().contains("approved by staff:sato"));
    }

    @Test
    void anApprovedReissueGivesTheApproverTheIssuancePassword() {
        ApprovalRequest request = world.requestApproval.request(RequestApprovalCommand.onLoginId(OPERATOR,
                DualControlAction.REISSUE_ADMINISTRATOR_ID, ADMIN, "new PC", pw(OPERATOR)));

        IssuancePassword issued = world.decideApproval.approve(SATO, request.id(), pw(SATO)).issuance().orElseThrow();

        assertTrue(world.hasher.matches(issued.password().toCharArray(), store.grant(ADMIN).passwordHash()));
        assertEquals(CertificateStatus.SUPERSEDED, store.certificate(adminCertificate).storedStatus());
        assertTrue(store.audit("CERTIFICATE_REISSUED").getLast().detail().contains("requested by staff:tanaka"));
    }

    @Test
    void aContractRegistrationKeepsItsFirstLoginPasswordOnlyHashedUntilApproved() {
        Contract contract = new Contract(new ContractNumber("C0777"), "株式会社承認商事");
        LoginId administrator = new LoginId("approved-admin");
        String initial = "Shonin-Pass-2027";
        ApprovalRequest request = world.requestApproval.request(RequestApprovalCommand.register(OPERATOR, contract,
                administrator, new LoginPassword(initial.toCharArray()),
                new certrenewal.domain.notice.EmailAddress("keiri@shonin.example.jp"),
                certrenewal.domain.notice.NoticeLanguage.EN, "new customer"));

        Map<String, String> stored = store.loadRequest(request.id()).orElseThrow().command();
        assertFalse(stored.containsValue(initial), "no password in clear");
        assertFalse(store.contents().contains(initial));
        assertTrue(store.contracts().stream().noneMatch(c -> c.number().equals(contract.number())));

        IssuancePassword issued = world.decideApproval.approve(SATO, request.id(), pw(SATO)).issuance().orElseThrow();

        assertTrue(store.contracts().contains(contract));
        assertTrue(world.hasher.matches(initial.toCharArray(), store.passwordHash(administrator)),
                "the requester's typed password is the administrator's first login password");
        assertTrue(world.hasher.matches(issued.password().toCharArray(), store.grant(administrator).passwordHash()));
        assertEquals(java.util.Optional.of(new certrenewal.domain.notice.ContactDetails(administrator,
                        new certrenewal.domain.notice.EmailAddress("keiri@shonin.example.jp"),
                        certrenewal.domain.notice.NoticeLanguage.EN)), store.loadContact(administrator),
                "the administrator ID's contact address, given at the request, is its own once approved");
        AuditEvent registered = store.audit("CONTRACT_REGISTERED").getLast();
        assertEquals("staff:sato", registered.actor());
        assertTrue(registered.detail().contains("requested by staff:tanaka"), registered.detail());
    }

    @Test
    void onlyTheConfiguredActionsAreRequested() {
        RequestApprovalService off = new RequestApprovalService(DualControlPolicy.off(), APPROVAL_DEADLINE, store, store, store,
                world.confirmations, world.hasher, store, store, world.clock);
        assertEquals(java.util.Set.of(), off.dualControl().actions());
        assertThrows(IllegalArgumentException.class, () -> off.request(RequestApprovalCommand.revoke(OPERATOR,
                adminCertificate, RevocationReason.KEY_COMPROMISE, "stolen", pw(OPERATOR))));
    }

    private static List<Long> ids(List<ListApprovalRequestsUseCase.Item> items) {
        return items.stream().map(i -> i.request().id()).toList();
    }
}
