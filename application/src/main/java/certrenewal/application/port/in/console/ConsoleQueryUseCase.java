package certrenewal.application.port.in.console;

import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.certificate.SerialNumber;
import java.util.Optional;

/** What the console shows: dashboard, search, detail pages. Each call checks the actor's role. */
public interface ConsoleQueryUseCase {
    DashboardFigures dashboard(Actor actor);

    SearchPage<CertificateRow> search(Actor actor, CertificateSearch search);

    Optional<LoginIdDetails> loginIdDetails(Actor actor, LoginId loginId);

    Optional<ContractDetails> contractDetails(Actor actor, ContractNumber contract);

    /** The login ID a certificate belongs to, for the certificate's detail link. */
    Optional<LoginId> ownerOf(Actor actor, SerialNumber serial);
}
