package certrenewal.application.readmodel;

import certrenewal.domain.notice.ContactDetails;
import java.util.List;
import java.util.Optional;

/** A login ID's contact details and its notices, newest first. */
public record IdNotices(Optional<ContactDetails> contact, List<NoticeRecord> notices) {
    public static final IdNotices NONE = new IdNotices(Optional.empty(), List.of());

    public IdNotices {
        notices = List.copyOf(notices);
    }
}
