package certrenewal.application.port.in;

/** Ends open renewals that got no key request within the policy's timeout. */
public interface AbandonTimedOutRenewalsUseCase {
    /** @return how many renewals were abandoned */
    int abandonTimedOut();
}
