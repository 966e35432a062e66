package certrenewal.application.port.out;

import java.util.Optional;
import java.util.function.Function;

/**
 * The signed CRLs, kept where every node reads them (the database): one node signs a CRL once per
 * change, every node serves the newest.
 */
public interface CrlStorePort {

    /** The newest stored CRL's number and times, or empty when none was ever stored. */
    Optional<StoredCrl.Header> newestHeader();

    /** The newest stored CRL, or empty when none was ever stored. */
    Optional<StoredCrl> newest();

    /**
     * Runs {@code publication} in a transaction of its own while every other publication, on this node or any
     * other, waits; gives it the newest stored CRL's header, stores the CRL it returns (if any) and commits.
     * So a node that waited sees what the one before it stored and need not sign again.
     *
     * @return what was stored
     * @throws IllegalArgumentException if the returned CRL's number is not above every stored one
     */
    Optional<StoredCrl> publishExclusively(Function<Optional<StoredCrl.Header>, Optional<StoredCrl>> publication);
}
