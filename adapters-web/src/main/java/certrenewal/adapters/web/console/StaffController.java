package certrenewal.adapters.web.console;

import static certrenewal.adapters.web.console.ConsolePages.row;

import certrenewal.adapters.web.RefusalHandler;
import certrenewal.application.port.in.RequestRefusedException;
import certrenewal.application.port.in.console.BootstrapCredential;
import certrenewal.application.port.in.console.IssueStaffCertificateUseCase;
import certrenewal.application.port.in.console.IssueStaffCertificateUseCase.IssuedStaffCertificate;
import certrenewal.application.port.in.console.ManageStaffUseCase;
import certrenewal.application.readmodel.StaffMember;
import certrenewal.domain.Rejection;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.StaffCertificate;
import certrenewal.domain.administration.StaffRole;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.session.Session;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The security administrator's staff accounts: the list, a new account, and per account disable,
 * re-enable, unlock, reset its password, change its role, issue its console client certificate (with the current one's
 * serial and expiry shown). A one-time password is shown in the reply that made it and nowhere else; so is a staff
 * certificate's PKCS#12, offered as a download from that reply itself (a data: link), so that the server keeps nothing
 * of it. The rules are the use cases'; this only words their refusals.
 */
@Controller(StaffController.STAFF)
@ExecuteOn(TaskExecutors.BLOCKING)
final class StaffController {
    static final String STAFF = "/console/staff";
    /** The changes offered per account, as the paths name them. */
    private static final List<String> CHANGES = List.of("disable", "enable", "unlock", "reset-password", "role");

    private final ManageStaffUseCase manage;
    private final IssueStaffCertificateUseCase certificates;
    private final ConsolePages pages;

    StaffController(ManageStaffUseCase manage, IssueStaffCertificateUseCase certificates, ConsolePages pages) {
        this.manage = manage;
        this.certificates = certificates;
        this.pages = pages;
    }

    @Get
    HttpResponse<?> list(HttpRequest<?> request, @Nullable Session session, @Nullable @QueryValue String done) {
        return pages.signedIn(request, session, staff -> {
            String notice = done != null && CHANGES.contains(done) ? pages.text(request, "console.staff.done." + done) : null;
            return listPage(request, session, staff, HttpStatus.OK, null, notice, Map.of());
        });
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(HttpRequest<?> request, @Nullable Session session, @Body Map<String, String> form) {
        return pages.posted(request, session, form, staff -> {
            Optional<StaffRole> role = role(form.get("role"));
            String username = form.getOrDefault("username", "").strip();
            if (role.isEmpty()) {
                return listPage(request, session, staff, HttpStatus.BAD_REQUEST,
                        pages.text(request, "console.staff.badRole"), null, form);
            }
            try {
                return oneTimePassword(request, session, staff, manage.create(staff, username, role.get()), "created");
            } catch (RequestRefusedException e) {
                if (e.rejection().code() == Rejection.Code.NOT_PERMITTED) {
                    throw e;
                }
                return listPage(request, session, staff, RefusalHandler.statusOf(e.rejection().code()),
                        pages.refusal(request, e.rejection()), null, form);
            }
        });
    }

    @Post(value = "/{username}/{change}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> change(HttpRequest<?> request, @Nullable Session session, @PathVariable String username,
                           @PathVariable String change, @Body Map<String, String> form) {
        return pages.posted(request, session, form, staff -> switch (change) {
            case "disable" -> done(() -> manage.disable(staff, username), change);
            case "enable" -> done(() -> manage.enable(staff, username), change);
            case "unlock" -> done(() -> manage.unlock(staff, username), change);
            case "reset-password" -> oneTimePassword(request, session, staff, manage.resetPassword(staff, username), "reset");
            case "certificate" -> issuedCertificate(request, session, staff, certificates.issue(staff, username));
            case "role" -> role(form.get("role"))
                    .<HttpResponse<?>>map(role -> done(() -> manage.changeRole(staff, username, role), change))
                    .orElseGet(() -> pages.refused(request, session, staff, Rejection.of(Rejection.Code.NOT_PERMITTED)));
            default -> pages.notFound(request, session, staff, "console.notFound.page");
        });
    }

    private static HttpResponse<?> done(Runnable change, String name) {
        change.run();
        return ConsolePages.redirect(STAFF + "?done=" + name);
    }

    private HttpResponse<?> listPage(HttpRequest<?> request, Session session, Actor.Staff staff, HttpStatus status,
                                     String alert, String notice, Map<String, String> form) {
        List<Map<String, Object>> members = new ArrayList<>();
        for (StaffMember m : manage.list(staff)) {
            Map<String, Object> member = row("username", m.username(), "role", m.role().name(),
                    "roleLabel", pages.text(request, "console.role." + m.role().name()),
                    "disabled", m.disabled(), "locked", m.locked(), "mustChangePassword", m.mustChangePassword(),
                    "self", m.username().equals(staff.username()));
            member.put("state", pages.text(request, m.disabled() ? "console.staff.state.disabled"
                    : m.locked() ? "console.staff.state.locked" : "console.staff.state.active"));
            Optional<StaffCertificate> certificate = certificates.current(staff, m.username());
            member.put("certificateSerial", certificate.map(c -> c.serial().hex()).orElse(null));
            member.put("certificateValidUntil", certificate.map(c -> pages.time(c.notAfter())).orElse(null));
            members.add(member);
        }
        Map<String, Object> model = pages.model(request, session, staff);
        model.put("nav", "staff");
        model.put("path", STAFF);
        model.put("members", members);
        model.put("roles", roles(request));
        model.put("form", row("username", form.getOrDefault("username", ""), "role", form.getOrDefault("role", "")));
        if (alert != null) {
            model.put("alert", alert);
        }
        if (notice != null) {
            model.put("notice", notice);
        }
        return ConsolePages.status(status, "staff", model);
    }

    private HttpResponse<?> oneTimePassword(HttpRequest<?> request, Session session, Actor.Staff staff,
                                            BootstrapCredential credential, String what) {
        Map<String, Object> model = pages.model(request, session, staff);
        model.put("nav", "staff");
        model.put("path", STAFF);
        model.put("title", pages.text(request, "console.staff." + what + ".title"));
        model.put("username", credential.username());
        model.put("roleLabel", pages.text(request, "console.role." + credential.role().name()));
        model.put("oneTimePassword", credential.password());
        return ConsolePages.ok("staff-password", model);
    }

    /** The new certificate's serial and expiry, its one-time password, and the PKCS#12 as a download link of this reply. */
    private HttpResponse<?> issuedCertificate(HttpRequest<?> request, Session session, Actor.Staff staff,
                                              IssuedStaffCertificate issued) {
        StaffCertificate certificate = issued.certificate();
        Map<String, Object> model = pages.model(request, session, staff);
        model.put("nav", "staff");
        model.put("path", STAFF);
        model.put("username", certificate.username());
        model.put("serial", certificate.serial().hex());
        model.put("validUntil", pages.time(certificate.notAfter()));
        model.put("oneTimePassword", issued.pkcs12Password());
        model.put("fileName", certificate.username() + "-" + certificate.serial().hex() + ".p12");
        model.put("pkcs12", "data:application/x-pkcs12;base64," + Base64.getEncoder().encodeToString(issued.pkcs12()));
        return ConsolePages.ok("staff-certificate", model);
    }

    private List<Map<String, Object>> roles(HttpRequest<?> request) {
        List<Map<String, Object>> roles = new ArrayList<>();
        for (StaffRole role : StaffRole.values()) {
            roles.add(row("value", role.name(), "label", pages.text(request, "console.role." + role.name())));
        }
        return roles;
    }

    private static Optional<StaffRole> role(String text) {
        for (StaffRole role : StaffRole.values()) {
            if (role.name().equals(text)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
