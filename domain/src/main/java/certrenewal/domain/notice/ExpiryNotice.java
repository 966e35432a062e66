package certrenewal.domain.notice;

/**
 * Which notice of a certificate: one {@code daysBefore} its expiry, or the last one on expiry ({@code daysBefore} 0).
 * A certificate gets each at most once; {@link #key()} names it in the queue, where the database holds that promise.
 */
public record ExpiryNotice(int daysBefore) {
    public static final ExpiryNotice ON_EXPIRY = new ExpiryNotice(0);

    public ExpiryNotice {
        if (daysBefore < 0 || daysBefore > 366) {
            throw new IllegalArgumentException("a notice is sent 0 to 366 days before expiry: " + daysBefore);
        }
    }

    public static ExpiryNotice before(int days) {
        if (days == 0) {
            throw new IllegalArgumentException("the notice on expiry is ON_EXPIRY");
        }
        return new ExpiryNotice(days);
    }

    public boolean onExpiry() {
        return daysBefore == 0;
    }

    /** "before-40", "on-expiry": stable, stored. */
    public String key() {
        return onExpiry() ? "on-expiry" : "before-" + daysBefore;
    }

    public static ExpiryNotice ofKey(String key) {
        if ("on-expiry".equals(key)) {
            return ON_EXPIRY;
        }
        if (key != null && key.startsWith("before-")) {
            return before(Integer.parseInt(key.substring("before-".length())));
        }
        throw new IllegalArgumentException("not a notice key: " + key);
    }
}
