package certrenewal.adapters.web.console;

import certrenewal.adapters.web.Fakes;
import certrenewal.adapters.web.Samples;
import certrenewal.application.readmodel.LoginIdDetails;
import certrenewal.application.readmodel.LoginIdSummary;
import certrenewal.domain.account.AccountStatus;
import certrenewal.domain.account.IdKind;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.StaffRole;
import certrenewal.domain.certificate.CertificateStatus;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The operator the console tests sign in as, and the administrator IDs whose state decides what it is offered. */
final class ConsoleIds {
    static final Actor.Staff OPERATOR = new Actor.Staff("operator", StaffRole.OPERATOR);
    static final LoginIdSummary ADMIN = Samples.summary("web-admin", IdKind.ADMINISTRATOR, AccountStatus.ACTIVE,
            CertificateStatus.ACTIVE);
    static final LoginIdSummary LOCKED_ADMIN = Samples.summary("locked-admin", IdKind.ADMINISTRATOR, AccountStatus.LOCKED,
            CertificateStatus.ACTIVE);
    static final LoginIdSummary WITHDRAWN_ADMIN = Samples.summary("gone-admin", IdKind.ADMINISTRATOR, AccountStatus.REVOKED, null);

    private ConsoleIds() {
    }

    /** The look-up of {@code ids}' detail pages, as the search use case answers it: empty for any other ID. */
    static Function<Fakes.OnId, Optional<LoginIdDetails>> detailsOf(LoginIdSummary... ids) {
        return call -> List.of(ids).stream().filter(s -> s.loginId().equals(call.loginId())).findFirst().map(Samples::details);
    }
}
