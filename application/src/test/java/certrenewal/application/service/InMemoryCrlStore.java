package certrenewal.application.service;

import certrenewal.application.port.out.CrlStorePort;
import certrenewal.application.port.out.StoredCrl;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The CRL store as the database keeps it, shared by the CrlServices of several "nodes" in a test. */
final class InMemoryCrlStore implements CrlStorePort {
    private final List<StoredCrl> stored = new ArrayList<>();

    @Override
    public synchronized Optional<StoredCrl.Header> newestHeader() {
        return newest().map(StoredCrl::header);
    }

    @Override
    public synchronized Optional<StoredCrl> newest() {
        return stored.isEmpty() ? Optional.empty() : Optional.of(stored.getLast());
    }

    @Override
    public synchronized Optional<StoredCrl> publishExclusively(
            Function<Optional<StoredCrl.Header>, Optional<StoredCrl>> publication) {
        Optional<StoredCrl> crl = publication.apply(newestHeader());
        crl.ifPresent(c -> {
            if (!stored.isEmpty() && c.number() <= stored.getLast().number()) {
                throw new IllegalArgumentException("CRL number " + c.number() + " is taken");
            }
            stored.add(c);
        });
        return crl;
    }

    synchronized List<Long> numbers() {
        return stored.stream().map(StoredCrl::number).toList();
    }
}
