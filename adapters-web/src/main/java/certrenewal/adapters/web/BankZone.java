package certrenewal.adapters.web;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The bank's time zone, {@code certrenewal.administration.zone} (the setting that also decides
 * where the console's days and weeks begin): the times the server writes into pages are in it,
 * followed by its abbreviation (JST for Asia/Tokyo), and the console reads typed times in it.
 */
@Singleton
public final class BankZone {
    private final ZoneId zone;

    BankZone(@Value("${certrenewal.administration.zone:Asia/Tokyo}") String zone) {
        this.zone = ZoneId.of(zone);
    }

    public ZoneId zone() {
        return zone;
    }

    /** {@code pattern} in the bank's zone, then the zone's abbreviation (English, as on the screens so far: "JST"). */
    public DateTimeFormatter formatter(String pattern) {
        return DateTimeFormatter.ofPattern(pattern + " z", Locale.ENGLISH).withZone(zone);
    }
}
