package certrenewal.domain.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExpiryNoticeScheduleTest {
    private static final Instant EXPIRY = Instant.parse("2027-03-31T15:00:00Z");
    private final ExpiryNoticeSchedule schedule = new ExpiryNoticeSchedule(List.of(40, 10), 90);

    private static ExpiryNoticeSchedule.Subject active() {
        return new ExpiryNoticeSchedule.Subject(EXPIRY, true, true);
    }

    private static Instant daysBefore(double days) {
        return EXPIRY.minus(Duration.ofMinutes((long) (days * 24 * 60)));
    }

    @Test
    void aCertificateThirtyDaysFromExpiryWithNoNoticeGetsTheFortyDayOne() {
        assertEquals(Optional.of(ExpiryNotice.before(40)), schedule.dueAt(active(), daysBefore(30), Set.of()));
    }

    @Test
    void nothingIsDueBeforeTheLargestOffset() {
        assertEquals(Optional.empty(), schedule.dueAt(active(), daysBefore(40.5), Set.of()));
        assertEquals(Optional.of(ExpiryNotice.before(40)), schedule.dueAt(active(), daysBefore(40), Set.of()));
    }

    @Test
    void eachNoticeIsDueOnceAndOnlyTheMostRecentOneIsSent() {
        assertEquals(Optional.empty(), schedule.dueAt(active(), daysBefore(20), Set.of(ExpiryNotice.before(40))));
        assertEquals(Optional.of(ExpiryNotice.before(10)),
                schedule.dueAt(active(), daysBefore(9), Set.of(ExpiryNotice.before(40))));
        // none was sent at 40 days: at 9 days only the 10-day one is due, never the 40-day one afterwards
        assertEquals(Optional.of(ExpiryNotice.before(10)), schedule.dueAt(active(), daysBefore(9), Set.of()));
        assertEquals(Optional.empty(), schedule.dueAt(active(), daysBefore(5), Set.of(ExpiryNotice.before(10))));
    }

    @Test
    void theNoticeOnExpiryIsDueOnlyWhileRenewalAfterExpiryIsPossible() {
        Set<ExpiryNotice> sent = Set.of(ExpiryNotice.before(40), ExpiryNotice.before(10));
        assertEquals(Optional.of(ExpiryNotice.ON_EXPIRY), schedule.dueAt(active(), EXPIRY, sent));
        assertEquals(Optional.of(ExpiryNotice.ON_EXPIRY), schedule.dueAt(active(), EXPIRY.plus(Duration.ofDays(89)), sent));
        assertEquals(Optional.empty(), schedule.dueAt(active(), EXPIRY.plus(Duration.ofDays(90)), sent));
        assertEquals(Optional.empty(), schedule.dueAt(active(), EXPIRY.plusSeconds(60),
                Set.of(ExpiryNotice.ON_EXPIRY)));
        assertEquals(Optional.empty(), new ExpiryNoticeSchedule(List.of(40, 10), 0).dueAt(active(), EXPIRY, sent));
    }

    @Test
    void noNoticeOnceRevokedSupersededOrSucceeded() {
        Instant now = daysBefore(30);
        assertEquals(Optional.empty(), schedule.dueAt(new ExpiryNoticeSchedule.Subject(EXPIRY, false, true), now, Set.of()));
        assertEquals(Optional.empty(), schedule.dueAt(new ExpiryNoticeSchedule.Subject(EXPIRY, true, false), now, Set.of()));
    }

    @Test
    void daysLeftCountsAPartOfADayAsADay() {
        assertEquals(30, ExpiryNoticeSchedule.daysLeft(EXPIRY, EXPIRY.minus(Duration.ofDays(30))));
        assertEquals(30, ExpiryNoticeSchedule.daysLeft(EXPIRY, EXPIRY.minus(Duration.ofDays(29).plusHours(23))));
        assertEquals(1, ExpiryNoticeSchedule.daysLeft(EXPIRY, EXPIRY.minusSeconds(1)));
        assertEquals(0, ExpiryNoticeSchedule.daysLeft(EXPIRY, EXPIRY));
    }

    @Test
    void offsetsMustBeWholeDaysBeforeExpiry() {
        assertThrows(IllegalArgumentException.class, () -> new ExpiryNoticeSchedule(List.of(0), 90));
        assertThrows(IllegalArgumentException.class, () -> new ExpiryNoticeSchedule(List.of(-1), 90));
        assertThrows(IllegalArgumentException.class, () -> new ExpiryNoticeSchedule(List.of(40), -1));
    }

    @Test
    void noticeKeysRoundTrip() {
        assertEquals("before-40", ExpiryNotice.before(40).key());
        assertEquals(ExpiryNotice.before(40), ExpiryNotice.ofKey("before-40"));
        assertEquals(ExpiryNotice.ON_EXPIRY, ExpiryNotice.ofKey("on-expiry"));
    }

    @Test
    void emailAddressesAreOneMailboxAndNothingAHeaderCouldBeSplitWith() {
        assertEquals("Taro.Yamada@example.jp", new EmailAddress("Taro.Yamada@EXAMPLE.jp").value());
        assertEquals(Optional.of(new EmailAddress("a@example.com")), EmailAddress.parse("  a@example.com "));
        for (String bad : List.of("", "a", "a@b", "a b@example.com", "a@example.com\r\nBcc: x@example.com",
                "<a@example.com>", "a@@example.com", "\"a\"@example.com", "a@-example.com", "x".repeat(65) + "@example.com")) {
            assertEquals(Optional.empty(), EmailAddress.parse(bad), bad);
        }
        assertEquals(Optional.of(NoticeLanguage.EN), NoticeLanguage.parse("EN"));
        assertEquals(Optional.empty(), NoticeLanguage.parse("fr"));
    }

    @Test
    void theDigestListsCertificatesInsideTheWindowOrStillRenewableOncePerPeriod() {
        assertEquals(true, schedule.inDigestAt(active(), daysBefore(30)));
        assertEquals(false, schedule.inDigestAt(active(), daysBefore(41)));
        assertEquals(true, schedule.inDigestAt(active(), EXPIRY.plus(Duration.ofDays(1))));
        assertEquals(false, schedule.inDigestAt(new ExpiryNoticeSchedule.Subject(EXPIRY, true, false), daysBefore(30)));

        java.time.LocalDate wednesday = java.time.LocalDate.parse("2027-03-03");
        assertEquals(Optional.of("weekly-2027-03-01"), DigestFrequency.WEEKLY.periodOf(wednesday));
        assertEquals(Optional.of("weekly-2027-03-01"), DigestFrequency.WEEKLY.periodOf(wednesday.plusDays(4)));
        assertEquals(Optional.of("weekly-2027-03-08"), DigestFrequency.WEEKLY.periodOf(wednesday.plusDays(5)));
        assertEquals(Optional.of("daily-2027-03-03"), DigestFrequency.DAILY.periodOf(wednesday));
        assertEquals(Optional.empty(), DigestFrequency.OFF.periodOf(wednesday));
        assertEquals(DigestFrequency.WEEKLY, DigestFrequency.parse(" Weekly "));
    }
}
