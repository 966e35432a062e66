package certrenewal.domain.notice;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;

/**
 * How often a contract's administrator gets the digest of its IDs whose certificates expire soon: once a day, once a
 * week (the week from Monday, in the bank's zone), or never.
 */
public enum DigestFrequency {
    DAILY, WEEKLY, OFF;

    /** "daily", "weekly" or "off", any case. */
    public static DigestFrequency parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the digest is daily, weekly or off: " + text);
        }
    }

    /**
     * The period {@code today} falls in, named so that each period has one digest ("daily-2027-03-01",
     * "weekly-2027-03-01" for the week from Monday 1 March); empty when the digest is off.
     */
    public Optional<String> periodOf(LocalDate today) {
        return switch (this) {
            case DAILY -> Optional.of("daily-" + today);
            case WEEKLY -> Optional.of("weekly-" + today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
            case OFF -> Optional.empty();
        };
    }
}
