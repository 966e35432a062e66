package certrenewal.application.port.out;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed CRL as every node keeps and serves it.
 *
 * @param number its cRLNumber extension (RFC 5280, 5.2.3), unique and increasing across nodes
 * @param der the CRL as signed
 */
public record StoredCrl(long number, Instant thisUpdate, Instant nextUpdate, byte[] der) {
    public StoredCrl {
        if (number < 0) {
            throw new IllegalArgumentException("a CRL number is not negative");
        }
        Objects.requireNonNull(thisUpdate, "thisUpdate must not be null");
        Objects.requireNonNull(nextUpdate, "nextUpdate must not be null");
        Objects.requireNonNull(der, "der must not be null");
        if (!nextUpdate.isAfter(thisUpdate)) {
            throw new IllegalArgumentException("nextUpdate must be after thisUpdate");
        }
        der = der.clone();
    }

    @Override
    public byte[] der() {
        return der.clone();
    }

    public Header header() {
        return new Header(number, thisUpdate, nextUpdate);
    }

    /** What a node needs to decide whether the newest CRL is still the one to serve, without its (large) DER. */
    public record Header(long number, Instant thisUpdate, Instant nextUpdate) {
        public Header {
            Objects.requireNonNull(thisUpdate, "thisUpdate must not be null");
            Objects.requireNonNull(nextUpdate, "nextUpdate must not be null");
        }
    }

    @Override
    public String toString() {
        return "StoredCrl[number=" + number + ", thisUpdate=" + thisUpdate + ", nextUpdate=" + nextUpdate + "]";
    }
}
