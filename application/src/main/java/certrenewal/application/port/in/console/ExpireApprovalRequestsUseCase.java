package certrenewal.application.port.in.console;

/** The scheduled sweep: dual-control requests nobody decided before their deadline are recorded as expired. */
public interface ExpireApprovalRequestsUseCase {
    /** @return how many requests this run recorded as expired */
    int expireOverdue();
}
