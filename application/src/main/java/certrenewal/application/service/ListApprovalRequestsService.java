package certrenewal.application.service;

import certrenewal.application.port.in.console.ListApprovalRequestsUseCase;
import certrenewal.application.port.out.ApprovalRequestPort;
import certrenewal.domain.administration.Actor;
import certrenewal.domain.administration.ApprovalRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads the dual-control requests with their state as of the clock; every staff member sees the queue. */
public final class ListApprovalRequestsService implements ListApprovalRequestsUseCase {
    /** As many as a page shows. */
    static final int LIMIT = 200;

    private final ApprovalRequestPort requests;
    private final Clock clock;

    public ListApprovalRequestsService(ApprovalRequestPort requests, Clock clock) {
        this.requests = requests;
        this.clock = clock;
    }

    @Override
    public List<Item> pending(Actor.Staff staff) {
        Instant now = clock.instant();
        return requests.pendingRequests(LIMIT).stream().map(r -> item(staff, r, now)).toList();
    }

    @Override
    public List<Item> requestedBy(Actor.Staff staff) {
        Instant now = clock.instant();
        return requests.requestsBy(staff.username(), LIMIT).stream().map(r -> item(staff, r, now)).toList();
    }

    @Override
    public Optional<Item> find(Actor.Staff staff, long id) {
        Instant now = clock.instant();
        return requests.loadRequest(id).map(r -> item(staff, r, now));
    }

    private static Item item(Actor.Staff staff, ApprovalRequest request, Instant now) {
        return new Item(request, request.stateAt(now), request.decisionRefused(staff, now).isEmpty());
    }
}
