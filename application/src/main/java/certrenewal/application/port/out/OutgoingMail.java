package certrenewal.application.port.out;

import certrenewal.domain.account.LoginId;
import certrenewal.domain.notice.EmailAddress;
import certrenewal.domain.notice.NoticeLanguage;

/** A mail the notice queue hands to {@link SendMailPort}: one ID's expiry notice, or an administrator's digest. */
public sealed interface OutgoingMail permits NoticeMail, DigestMail {

    /** The queue row's number: the same on every attempt, so a retry is recognisable as the same mail. */
    long reference();

    EmailAddress recipient();

    NoticeLanguage language();

    /** The login ID the mail goes to. */
    LoginId loginId();

    /** What the queue calls it ("before-40", "digest-weekly-2027-03-01"). */
    String key();
}
