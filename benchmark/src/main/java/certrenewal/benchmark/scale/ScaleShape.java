package certrenewal.benchmark.scale;

/**
 * How large the scale data set is: {@code certificates} spread as evenly as possible over
 * {@code ids} login IDs, ten IDs to a contract.
 */
public record ScaleShape(int certificates, int ids) {
    static final int IDS_PER_CONTRACT = 10;

    public ScaleShape {
        if (ids < 1 || certificates < ids) {
            throw new IllegalArgumentException("need at least one ID and one certificate per ID");
        }
    }

    /** The first {@code certificates % ids} IDs get one certificate more than the others. */
    int certificatesOf(int id) {
        return certificates / ids + (id < certificates % ids ? 1 : 0);
    }

    int contracts() {
        return (ids + IDS_PER_CONTRACT - 1) / IDS_PER_CONTRACT;
    }

    /** Every third ID had a certificate revoked (key compromise) and re-issued: the CRL's entries. */
    boolean hadRevocation(int id) {
        return id % 3 == 0 && certificatesOf(id) >= 2;
    }

    /** One ID in a hundred is locked. */
    boolean isLocked(int id) {
        return id % 100 == 99;
    }

    /** One ID in two hundred has a renewal open. */
    boolean hasOpenRenewal(int id) {
        return id % 200 == 1;
    }

    static String loginId(int id) {
        return String.format("s%07d", id);
    }

    static String contractNumber(int id) {
        return String.format("S%06d", id / IDS_PER_CONTRACT);
    }
}
