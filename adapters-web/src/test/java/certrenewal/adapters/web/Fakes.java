package certrenewal.adapters.web;

import certrenewal.application.port.in.ClientAddress;
import certrenewal.application.port.in.AbandonRenewalUseCase;
import certrenewal.application.port.in.AuthenticateCertificateUseCase;
import certrenewal.application.port.in.AuthenticatedId;
import certrenewal.application.port.in.CertificateOverview;
import certrenewal.application.port.in.ChangeLoginPasswordUseCase;
import certrenewal.application.port.in.CheckCustomerSessionUseCase;
import certrenewal.application.port.in.GetCaCertificatesUseCase;
import certrenewal.application.port.in.SessionEnd;
import certrenewal.application.port.in.console.BootstrapCredential;
import certrenewal.application.port.in.console.ChangeStaffPasswordUseCase;
import certrenewal.application.port.in.console.CheckStaffSessionUseCase;
import certrenewal.application.port.in.console.IssueStaffCertificateUseCase;
import certrenewal.application.port.in.console.IssueStaffCertificateUseCase.IssuedStaffCertificate;
import certrenewal.application.port.in.console.ManageStaffUseCase;
import certrenewal.domain.administration.StaffCertificate;
import certrenewal.application.port.in.console.StaffSessionCheck;
import certrenewal.application.port.in.GetCertificateOverviewUseCase;
import certrenewal.application.port.in.AnswerOcspRequestUseCase;
import certrenewal.application.port.in.GetCrlUseCase;
import certrenewal.application.port.in.GetIssuedCertificateUseCase;
import certrenewal.application.port.in.IssuedCertificate;
import certrenewal.application.port.in.LogInUseCase;
import certrenewal.application.port.in.PrepareRenewalUseCase;
import certrenewal.application.port.in.RenewWithCertificateUseCase;
import certrenewal.application.port.in.StartRenewalUseCase;
import certrenewal.application.port.in.SubmitCertificateRequestUseCase;
import certrenewal.application.port.in.admin.IssuancePassword;
import certrenewal.application.port.in.admin.ListContractIdsUseCase;
import certrenewal.application.port.in.admin.OpenContractUseCase;
import certrenewal.application.port.in.admin.PickupCertificateUseCase;
import certrenewal.application.port.in.admin.PickupCredentials;
import certrenewal.application.port.in.admin.RegisterUserIdUseCase;
import certrenewal.application.port.in.admin.ReissueCertificateUseCase;
import certrenewal.application.port.in.admin.RevokeCertificateUseCase;
import certrenewal.application.port.in.admin.UnlockLoginIdUseCase;
import certrenewal.application.port.in.admin.ChangeIdContactCommand;
import certrenewal.application.port.in.admin.ChangeIdContactUseCase;
import certrenewal.application.port.in.console.ReadAuditTrailUseCase;
import certrenewal.application.port.in.ChangeContactDetailsCommand;
import certrenewal.application.port.in.ChangeContactDetailsUseCase;
import certrenewal.application.port.in.console.SearchRecordsUseCase;
import certrenewal.application.port.in.console.ViewIdNoticesUseCase;
import certrenewal.application.port.in.console.StaffLoginUseCase;
import certrenewal.application.port.in.console.VerifyAuditTrailUseCase;
import certrenewal.application.port.in.console.ViewDashboardUseCase;
import certrenewal.application.readmodel.StaffMember;
import certrenewal.application.readmodel.AuditFilter;
import certrenewal.application.readmodel.AuditRecord;
import certrenewal.application.readmodel.AuditVerification;
import certrenewal.application.readmodel.CertificateSearch;
import certrenewal.application.readmodel.CertificateSummary;
import certrenewal.application.readmodel.ContractDetails;
import certrenewal.application.readmodel.DashboardFigures;
import certrenewal.application.readmodel.LoginIdDetails;
import certrenewal.application.readmodel.LoginIdSummary;
import certrenewal.application.readmodel.SearchPage;
import certrenewal.domain.account.Contract;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.StaffRole;
import certrenewal.domain.certificate.Certificate;
import certrenewal.domain.certificate.RevocationReason;
import certrenewal.domain.certificate.SerialNumber;
import certrenewal.domain.renewal.Renewal;
import certrenewal.domain.renewal.RenewalId;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Hand-written stand-ins for every use case the web adapter calls, registered as its beans: each
 * method records its calls and answers as the test says ({@link Answer}). Secrets are recorded as
 * the adapter passed them, before it wipes them.
 */
public final class Fakes {
    // ---- customer screens
    public record LogIn(LoginId loginId, String password, byte[] clientCertificate) {
    }

    /** The client addresses the use cases were given, in order. */
    public final List<ClientAddress> addresses = new CopyOnWriteArrayList<>();

    public final Answer<LogIn, AuthenticatedId> logIn = new Answer<>("LogInUseCase.logIn");

    public record ChangeContact(LoginId self, String email, String language, String password) {
    }

    /** The signed-in ID's contact details as the settings screen reads them. */
    public final Answer<LoginId, Optional<certrenewal.domain.notice.ContactDetails>> currentContact =
            new Answer<>("ChangeContactDetailsUseCase.current");
    public final Answer<ChangeContact, Void> changeContact = new Answer<>("ChangeContactDetailsUseCase.change");
    public final Answer<AuthenticatedId, CertificateOverview> overview = new Answer<>("GetCertificateOverviewUseCase.overview");
    public final Answer<AuthenticatedId, Renewal.Started> start = new Answer<>("StartRenewalUseCase.start");
    public final Answer<AuthenticatedId, Renewal.Started> startOver = new Answer<>("StartRenewalUseCase.startOver");

    public record OnRenewal(RenewalId renewal, AuthenticatedId who) {
    }

    public final Answer<OnRenewal, Renewal.AwaitingKey> prepare = new Answer<>("PrepareRenewalUseCase.prepare");

    public record Submit(RenewalId renewal, AuthenticatedId who, byte[] pkcs10Der) {
    }

    public final Answer<Submit, IssuedCertificate> submit = new Answer<>("SubmitCertificateRequestUseCase.submit");

    public record Abandon(RenewalId renewal, AuthenticatedId who, String reason) {
    }

    public final Answer<Abandon, Void> abandon = new Answer<>("AbandonRenewalUseCase.abandon");
    public final Answer<OnRenewal, Certificate> issuedBy = new Answer<>("GetIssuedCertificateUseCase.issuedBy");

    public record Pickup(LoginId loginId, String loginPassword, String issuancePassword) {
        static Pickup of(PickupCredentials credentials) {
            return new Pickup(credentials.loginId(), new String(credentials.loginPassword()),
                    new String(credentials.issuancePassword()));
        }
    }

    public final Answer<Pickup, Void> verifyPickup = new Answer<>("PickupCertificateUseCase.verify");

    public record PickUp(Pickup credentials, byte[] pkcs10Der) {
    }

    public final Answer<PickUp, IssuedCertificate> pickUp = new Answer<>("PickupCertificateUseCase.pickUp");

    // ---- 利用者管理 and the console's actions
    public record OnContract(Actor actor, ContractNumber contract) {
    }

    public final Answer<OnContract, List<LoginIdSummary>> listIds = new Answer<>("ListContractIdsUseCase.list");

    public record Register(Actor actor, ContractNumber contract, LoginId loginId, String initialPassword,
                           String confirmationPassword, String email, String language) {
    }

    public final Answer<Register, IssuancePassword> register = new Answer<>("RegisterUserIdUseCase.register");

    public record Reissue(Actor actor, LoginId target, String confirmationPassword) {
    }

    public final Answer<Reissue, IssuancePassword> reissue = new Answer<>("ReissueCertificateUseCase.reissue");

    public record Revoke(Actor actor, SerialNumber serial, RevocationReason reason, String confirmationPassword) {
    }

    public final Answer<Revoke, Void> revoke = new Answer<>("RevokeCertificateUseCase.revoke");

    public record OnId(Actor actor, LoginId loginId) {
    }

    public record Unlock(Actor actor, LoginId loginId, String confirmationPassword) {
    }

    public final Answer<Unlock, Void> unlock = new Answer<>("UnlockLoginIdUseCase.unlock");

    public record Open(Actor actor, Contract contract, LoginId administrator, String initialPassword, String email,
                       String language) {
    }

    public final Answer<Open, IssuancePassword> open = new Answer<>("OpenContractUseCase.open");

    public record ChangeIdContact(Actor actor, LoginId loginId, String email, String language, String confirmationPassword) {
    }

    /** An ID's contact details as its administrator's or the bank's change form reads them. */
    public final Answer<OnId, Optional<certrenewal.domain.notice.ContactDetails>> idContact =
            new Answer<>("ChangeIdContactUseCase.current");
    public final Answer<ChangeIdContact, Void> changeIdContact = new Answer<>("ChangeIdContactUseCase.change");

    /** @param export whether the CSV export (audited) was asked for, not the page */
    public record Inventory(Actor actor, int days, int limit, boolean export) {
    }

    public final Answer<Inventory, certrenewal.application.readmodel.ExpiringCertificates> inventory =
            new Answer<>("ListExpiringCertificatesUseCase.expiring");
    /** The actions under dual control: none unless a test puts some. */
    public final java.util.Set<certrenewal.domain.administration.DualControlAction> dualControlled =
            java.util.EnumSet.noneOf(certrenewal.domain.administration.DualControlAction.class);
    public final Answer<certrenewal.application.port.in.console.RequestApprovalCommand,
            certrenewal.domain.administration.ApprovalRequest> requestApproval = new Answer<>("RequestApprovalUseCase.request");
    public final Answer<Actor.Staff, List<certrenewal.application.port.in.console.ListApprovalRequestsUseCase.Item>>
            pendingApprovals = new Answer<>("ListApprovalRequestsUseCase.pending");
    public final Answer<Actor.Staff, List<certrenewal.application.port.in.console.ListApprovalRequestsUseCase.Item>>
            ownApprovals = new Answer<>("ListApprovalRequestsUseCase.requestedBy");

    public record OnRequest(Actor.Staff staff, long id, String text) {
    }

    public final Answer<OnRequest, Optional<certrenewal.application.port.in.console.ListApprovalRequestsUseCase.Item>>
            findApproval = new Answer<>("ListApprovalRequestsUseCase.find");
    public final Answer<OnRequest, certrenewal.application.port.in.console.DecideApprovalUseCase.Approval> approve =
            new Answer<>("DecideApprovalUseCase.approve");
    public final Answer<OnRequest, certrenewal.domain.administration.ApprovalRequest> reject =
            new Answer<>("DecideApprovalUseCase.reject");

    // ---- console
    public record StaffLogIn(String username, String password) {
    }

    public final Answer<StaffLogIn, Actor.Staff> staffLogIn = new Answer<>("StaffLoginUseCase.logIn");
    /** The client certificate each console login presented (empty: none). */
    public final List<Optional<byte[]>> staffCertificatesPresented = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The certificate each console session check was given (empty: the session has none). */
    public final List<Optional<byte[]>> staffSessionCertificates = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** What the console's login says of the staff certificate. */
    public volatile boolean staffCertificateRequired;
    public final Answer<Actor, DashboardFigures> dashboard = new Answer<>("ViewDashboardUseCase.dashboard");

    public record Search(Actor actor, CertificateSearch search) {
    }

    public final Answer<Search, SearchPage<CertificateSummary>> search = new Answer<>("SearchRecordsUseCase.search");
    public final Answer<OnId, Optional<LoginIdDetails>> loginIdDetails = new Answer<>("SearchRecordsUseCase.loginIdDetails");
    public final Answer<OnContract, Optional<ContractDetails>> contractDetails = new Answer<>("SearchRecordsUseCase.contractDetails");

    public record OnCertificate(Actor actor, SerialNumber serial) {
    }

    /** What the console's ID page shows of the ID's contact details and notices (none unless a test sets them). */
    public volatile certrenewal.application.readmodel.IdNotices idNotices = certrenewal.application.readmodel.IdNotices.NONE;
    public final List<LoginId> idNoticesAsked = new java.util.concurrent.CopyOnWriteArrayList<>();
    public final Answer<OnCertificate, Optional<LoginId>> ownerOf = new Answer<>("SearchRecordsUseCase.ownerOf");

    public record ReadAudit(Actor actor, AuditFilter filter) {
    }

    public final Answer<ReadAudit, SearchPage<AuditRecord>> readAudit = new Answer<>("ReadAuditTrailUseCase.read");
    public final Answer<Actor, AuditVerification> verifyAudit = new Answer<>("VerifyAuditTrailUseCase.verify");

    public final Answer<Actor, List<StaffMember>> listStaff = new Answer<>("ManageStaffUseCase.list");

    /** A change to a staff account: {@code change} is the method's name, {@code role} only for create and changeRole. */
    public record StaffChange(Actor actor, String change, String username, StaffRole role) {
    }

    public final Answer<StaffChange, BootstrapCredential> changeStaff = new Answer<>("ManageStaffUseCase.change");
    public final Answer<StaffChange, IssuedStaffCertificate> issueStaffCertificate =
            new Answer<>("IssueStaffCertificateUseCase.issue");
    /** Each account's current staff certificate, as the staff page shows it (none unless a test sets one). */
    public final Map<String, Optional<StaffCertificate>> currentStaffCertificate = new java.util.concurrent.ConcurrentHashMap<>();

    public record OwnPassword(Actor.Staff staff, String current, String next) {
    }

    public final Answer<OwnPassword, Void> changeOwnPassword = new Answer<>("ChangeStaffPasswordUseCase.change");

    // ---- EST, CRL, the certificate API
    /** @param der the presented certificate's DER, null when none was presented */
    public record Presented(byte[] der) {
    }

    public final Answer<Presented, AuthenticatedId> authenticate = new Answer<>("AuthenticateCertificateUseCase.authenticate");
    /** For each certificate authentication, what it was for: "use" (authenticate) or "renewal" (authenticateForRenewal). */
    public final List<String> authenticationPurposes = new java.util.concurrent.CopyOnWriteArrayList<>();

    public record ChangePassword(AuthenticatedId who, String current, String next, String again) {
    }

    public final Answer<ChangePassword, AuthenticatedId> changePassword = new Answer<>("ChangeLoginPasswordUseCase.change");

    public record Renew(AuthenticatedId who, byte[] pkcs10Der) {
    }

    public final Answer<Renew, IssuedCertificate> renew = new Answer<>("RenewWithCertificateUseCase.renew");
    public final Answer<String, byte[]> crl = new Answer<>("GetCrlUseCase.currentCrl");
    /** Called with the request's bytes in hex (empty for none or junk the adapter could not decode). */
    public final Answer<String, byte[]> ocsp = new Answer<>("AnswerOcspRequestUseCase.answer");

    /** Whether a signed-in session may go on: until a test says otherwise, it may. */
    public final Answer<AuthenticatedId, Optional<SessionEnd>> customerSession =
            new Answer<>("CheckCustomerSessionUseCase.check");
    public final Answer<Actor.Staff, Optional<SessionEnd>> staffSession = new Answer<>("CheckStaffSessionUseCase.check");
    /** Whether the signed-in staff account must change its password before anything else. */
    public volatile boolean staffMustChangePassword;

    {
        sessionsGoOn();
    }

    private final List<Answer<?, ?>> all = List.of(logIn, currentContact, changeContact, overview, start, startOver, prepare, submit, abandon, issuedBy,
            verifyPickup, pickUp, listIds, register, reissue, revoke, unlock, open, idContact, changeIdContact, inventory, staffLogIn, dashboard, search,
            listStaff, changeStaff, changeOwnPassword, issueStaffCertificate,
            loginIdDetails, contractDetails, ownerOf, readAudit, verifyAudit, authenticate, renew, crl, ocsp,
            changePassword, requestApproval, pendingApprovals, ownApprovals, findApproval, approve, reject);

    /** Forgets every call and every answer. */
    public void reset() {
        all.forEach(Answer::reset);
        dualControlled.clear();
        authenticationPurposes.clear();
        addresses.clear();
        idNotices = certrenewal.application.readmodel.IdNotices.NONE;
        idNoticesAsked.clear();
        staffCertificatesPresented.clear();
        staffSessionCertificates.clear();
        staffCertificateRequired = false;
        currentStaffCertificate.clear();
        sessionsGoOn();
    }

    private void sessionsGoOn() {
        customerSession.reset();
        customerSession.returns(Optional.empty());
        staffSession.reset();
        staffSession.returns(Optional.empty());
        staffMustChangePassword = false;
    }

    /** Forgets every call, keeping the answers. */
    public void forgetCalls() {
        all.forEach(Answer::forgetCalls);
        idNoticesAsked.clear();
        staffCertificatesPresented.clear();
        customerSession.forgetCalls();
        staffSession.forgetCalls();
    }

    /** Registers the fakes as the context's use cases; {@code caCertificates} also decides which client certificates TLS asks for. */
    void registerIn(ApplicationContext context, Supplier<List<byte[]>> caCertificates) {
        context.registerSingleton(LogInUseCase.class, command -> {
            addresses.add(command.from());
            return logIn.call(new LogIn(command.loginId(), new String(command.password()), command.clientCertificateDer()));
        });
        context.registerSingleton(GetCertificateOverviewUseCase.class, overview::call);
        context.registerSingleton(CheckCustomerSessionUseCase.class, customerSession::call);
        context.registerSingleton(CheckStaffSessionUseCase.class, new CheckStaffSessionUseCase() {
            @Override
            public StaffSessionCheck check(Actor.Staff staff, long sessionGeneration, byte[] certificateDer) {
                staffSessionCertificates.add(Optional.ofNullable(certificateDer));
                return new StaffSessionCheck(staffSession.call(staff), staffMustChangePassword);
            }

            @Override
            public long currentGeneration(Actor.Staff staff) {
                return 0;
            }
        });
        context.registerSingleton(StartRenewalUseCase.class, new StartRenewalUseCase() {
            @Override
            public Renewal.Started start(AuthenticatedId who) {
                return start.call(who);
            }

            @Override
            public Renewal.Started startOver(AuthenticatedId who) {
                return startOver.call(who);
            }
        });
        context.registerSingleton(PrepareRenewalUseCase.class, (renewal, who) -> prepare.call(new OnRenewal(renewal, who)));
        context.registerSingleton(SubmitCertificateRequestUseCase.class,
                command -> submit.call(new Submit(command.renewal(), command.who(), command.pkcs10Der())));
        context.registerSingleton(AbandonRenewalUseCase.class,
                (renewal, who, reason) -> abandon.call(new Abandon(renewal, who, reason)));
        context.registerSingleton(GetIssuedCertificateUseCase.class, (renewal, who) -> issuedBy.call(new OnRenewal(renewal, who)));
        context.registerSingleton(PickupCertificateUseCase.class, new PickupCertificateUseCase() {
            @Override
            public void verify(PickupCredentials credentials) {
                addresses.add(credentials.from());
                verifyPickup.call(Pickup.of(credentials));
            }

            @Override
            public IssuedCertificate pickUp(PickupCredentials credentials, byte[] pkcs10Der) {
                addresses.add(credentials.from());
                return pickUp.call(new PickUp(Pickup.of(credentials), pkcs10Der));
            }
        });
        context.registerSingleton(ListContractIdsUseCase.class, (actor, contract) -> listIds.call(new OnContract(actor, contract)));
        context.registerSingleton(RegisterUserIdUseCase.class, command -> register.call(new Register(command.actor(),
                command.contract(), command.loginId(), new String(command.initialLoginPassword().characters()),
                new String(command.confirmationPassword()), String.valueOf(command.contactAddress()),
                command.noticeLanguage().tag())));
        context.registerSingleton(ReissueCertificateUseCase.class, command -> reissue.call(new Reissue(command.actor(),
                command.target(), new String(command.confirmationPassword()))));
        context.registerSingleton(RevokeCertificateUseCase.class, command -> revoke.call(new Revoke(command.actor(),
                command.serial(), command.reason(), new String(command.confirmationPassword()))));
        context.registerSingleton(UnlockLoginIdUseCase.class, (actor, target, password) -> unlock.call(
                new Unlock(actor, target, new String(password))));
        context.registerSingleton(OpenContractUseCase.class, command -> open.call(new Open(command.actor(), command.contract(),
                command.administrator(), new String(command.initialLoginPassword().characters()),
                String.valueOf(command.contactAddress()), command.noticeLanguage().tag())));
        context.registerSingleton(certrenewal.application.port.in.console.ListExpiringCertificatesUseCase.class,
                new certrenewal.application.port.in.console.ListExpiringCertificatesUseCase() {
                    @Override
                    public certrenewal.application.readmodel.ExpiringCertificates expiring(Actor actor, int days, int limit) {
                        return inventory.call(new Inventory(actor, days, limit, false));
                    }

                    @Override
                    public certrenewal.application.readmodel.ExpiringCertificates export(Actor actor, int days, int limit) {
                        return inventory.call(new Inventory(actor, days, limit, true));
                    }
                });
        context.registerSingleton(ChangeIdContactUseCase.class, new ChangeIdContactUseCase() {
            @Override
            public Optional<certrenewal.domain.notice.ContactDetails> current(Actor actor, LoginId target) {
                return idContact.call(new OnId(actor, target));
            }

            @Override
            public void change(ChangeIdContactCommand command) {
                changeIdContact.call(new ChangeIdContact(command.actor(), command.loginId(), command.address().value(),
                        command.language().tag(), new String(command.confirmationPassword())));
            }
        });
        context.registerSingleton(certrenewal.application.port.in.console.RequestApprovalUseCase.class,
                new certrenewal.application.port.in.console.RequestApprovalUseCase() {
                    @Override
                    public certrenewal.domain.administration.DualControlPolicy dualControl() {
                        return new certrenewal.domain.administration.DualControlPolicy(dualControlled);
                    }

                    @Override
                    public certrenewal.domain.administration.ApprovalRequest request(
                            certrenewal.application.port.in.console.RequestApprovalCommand command) {
                        return requestApproval.call(command);
                    }
                });
        context.registerSingleton(certrenewal.application.port.in.console.ListApprovalRequestsUseCase.class,
                new certrenewal.application.port.in.console.ListApprovalRequestsUseCase() {
                    @Override
                    public List<Item> pending(Actor.Staff staff) {
                        return pendingApprovals.call(staff);
                    }

                    @Override
                    public List<Item> requestedBy(Actor.Staff staff) {
                        return ownApprovals.call(staff);
                    }

                    @Override
                    public Optional<Item> find(Actor.Staff staff, long id) {
                        return findApproval.call(new OnRequest(staff, id, null));
                    }
                });
        context.registerSingleton(certrenewal.application.port.in.console.DecideApprovalUseCase.class,
                new certrenewal.application.port.in.console.DecideApprovalUseCase() {
                    @Override
                    public Approval approve(Actor.Staff approver, long id, char[] confirmationPassword) {
                        return approve.call(new OnRequest(approver, id, new String(confirmationPassword)));
                    }

                    @Override
                    public certrenewal.domain.administration.ApprovalRequest reject(Actor.Staff rejecter, long id,
                                                                                   String why) {
                        return reject.call(new OnRequest(rejecter, id, why));
                    }
                });
        context.registerSingleton(StaffLoginUseCase.class, new StaffLoginUseCase() {
            @Override
            public Actor.Staff logIn(String username, char[] password, byte[] certificateDer, ClientAddress from) {
                addresses.add(from);
                staffCertificatesPresented.add(Optional.ofNullable(certificateDer));
                return staffLogIn.call(new StaffLogIn(username, new String(password)));
            }

            @Override
            public boolean certificateRequired() {
                return staffCertificateRequired;
            }
        });
        context.registerSingleton(IssueStaffCertificateUseCase.class, new IssueStaffCertificateUseCase() {
            @Override
            public IssuedStaffCertificate issue(Actor actor, String username) {
                return issueStaffCertificate.call(new StaffChange(actor, "issueCertificate", username, null));
            }

            @Override
            public Optional<StaffCertificate> current(Actor actor, String username) {
                return currentStaffCertificate.getOrDefault(username, Optional.empty());
            }
        });
        context.registerSingleton(ViewDashboardUseCase.class, dashboard::call);
        context.registerSingleton(SearchRecordsUseCase.class, new SearchRecordsUseCase() {
            @Override
            public SearchPage<CertificateSummary> search(Actor actor, CertificateSearch criteria) {
                return search.call(new Search(actor, criteria));
            }

            @Override
            public Optional<LoginIdDetails> loginIdDetails(Actor actor, LoginId loginId) {
                return loginIdDetails.call(new OnId(actor, loginId));
            }

            @Override
            public Optional<ContractDetails> contractDetails(Actor actor, ContractNumber contract) {
                return contractDetails.call(new OnContract(actor, contract));
            }

            @Override
            public Optional<LoginId> ownerOf(Actor actor, SerialNumber serial) {
                return ownerOf.call(new OnCertificate(actor, serial));
            }
        });
        context.registerSingleton(ChangeContactDetailsUseCase.class, new ChangeContactDetailsUseCase() {
            @Override
            public Optional<certrenewal.domain.notice.ContactDetails> current(LoginId self) {
                return currentContact.call(self);
            }

            @Override
            public void change(ChangeContactDetailsCommand command) {
                changeContact.call(new ChangeContact(command.self(), command.address().value(),
                        command.language().tag(), new String(command.currentPassword())));
            }
        });
        context.registerSingleton(ViewIdNoticesUseCase.class, (actor, id) -> {
            idNoticesAsked.add(id);
            return idNotices;
        });
        context.registerSingleton(ReadAuditTrailUseCase.class, (actor, filter) -> readAudit.call(new ReadAudit(actor, filter)));
        context.registerSingleton(VerifyAuditTrailUseCase.class, verifyAudit::call);
        context.registerSingleton(ManageStaffUseCase.class, new ManageStaffUseCase() {
            @Override
            public List<StaffMember> list(Actor actor) {
                return listStaff.call(actor);
            }

            @Override
            public BootstrapCredential create(Actor actor, String username, StaffRole role) {
                return changeStaff.call(new StaffChange(actor, "create", username, role));
            }

            @Override
            public void disable(Actor actor, String username) {
                changeStaff.call(new StaffChange(actor, "disable", username, null));
            }

            @Override
            public void enable(Actor actor, String username) {
                changeStaff.call(new StaffChange(actor, "enable", username, null));
            }

            @Override
            public void unlock(Actor actor, String username) {
                changeStaff.call(new StaffChange(actor, "unlock", username, null));
            }

            @Override
            public BootstrapCredential resetPassword(Actor actor, String username) {
                return changeStaff.call(new StaffChange(actor, "resetPassword", username, null));
            }

            @Override
            public void changeRole(Actor actor, String username, StaffRole role) {
                changeStaff.call(new StaffChange(actor, "changeRole", username, role));
            }
        });
        context.registerSingleton(ChangeStaffPasswordUseCase.class, (staff, current, next) ->
                changeOwnPassword.call(new OwnPassword(staff, new String(current), new String(next))));
        context.registerSingleton(GetCaCertificatesUseCase.class, caCertificates::get);
        context.registerSingleton(AuthenticateCertificateUseCase.class, new AuthenticateCertificateUseCase() {
            @Override
            public AuthenticatedId authenticate(byte[] der, ClientAddress from) {
                addresses.add(from);
                authenticationPurposes.add("use");
                return Fakes.this.authenticate.call(new Presented(der));
            }

            @Override
            public AuthenticatedId authenticateForRenewal(byte[] der, ClientAddress from) {
                addresses.add(from);
                authenticationPurposes.add("renewal");
                return Fakes.this.authenticate.call(new Presented(der));
            }
        });
        context.registerSingleton(ChangeLoginPasswordUseCase.class, command -> changePassword.call(new ChangePassword(
                command.who(), new String(command.currentPassword()), new String(command.newPassword()),
                new String(command.newPasswordAgain()))));
        context.registerSingleton(RenewWithCertificateUseCase.class, (who, der) -> renew.call(new Renew(who, der)));
        context.registerSingleton(AnswerOcspRequestUseCase.class,
                request -> ocsp.call(java.util.HexFormat.of().formatHex(request)));
        context.registerSingleton(GetCrlUseCase.class, new GetCrlUseCase() {
            @Override
            public byte[] currentCrl() {
                return crl.call("currentCrl");
            }

            @Override
            public void publishCrl() {
                throw new AssertionError("the web adapter never signs a CRL");
            }

            @Override
            public void publishPending() {
                throw new AssertionError("the web adapter never signs a CRL");
            }

            @Override
            public java.util.Optional<java.time.Instant> publishedNextUpdate() {
                throw new AssertionError("the web adapter never checks the CRL's freshness");
            }
        });
    }
}
