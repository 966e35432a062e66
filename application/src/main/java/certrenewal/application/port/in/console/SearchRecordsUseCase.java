package certrenewal.application.port.in.console;

import certrenewal.application.readmodel.CertificateSearch;
import certrenewal.application.readmodel.CertificateSummary;
import certrenewal.application.readmodel.ContractDetails;
import certrenewal.application.readmodel.LoginIdDetails;
import certrenewal.application.readmodel.SearchPage;
import certrenewal.domain.account.ContractNumber;
import certrenewal.domain.account.LoginId;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.certificate.SerialNumber;
import java.util.Optional;

/**
 * The console's look-ups of the bank's records (operators): certificate search and the detail
 * pages of a login ID and a contract. Every call checks the actor's role and audits a refusal.
 */
public interface SearchRecordsUseCase {
    SearchPage<CertificateSummary> search(Actor actor, CertificateSearch search);

    Optional<LoginIdDetails> loginIdDetails(Actor actor, LoginId loginId);

    Optional<ContractDetails> contractDetails(Actor actor, ContractNumber contract);

    /** The login ID a certificate belongs to, for the certificate's detail link. */
    Optional<LoginId> ownerOf(Actor actor, SerialNumber serial);
}
