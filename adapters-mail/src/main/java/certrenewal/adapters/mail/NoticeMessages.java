package certrenewal.adapters.mail;

import certrenewal.application.port.out.DigestMail;
import certrenewal.application.port.out.NoticeMail;
import certrenewal.application.port.out.OutgoingMail;
import certrenewal.domain.notice.NoticeLanguage;
import io.micronaut.email.BodyType;
import io.micronaut.email.Email;
import io.micronaut.email.javamail.composer.DefaultMessageComposer;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Writes a notice as a mail in the ID's language from {@code mail/notice*.properties}: which ID, the expiry date in
 * the bank's zone, the days left, where to log in and the manual's steps. No link carries anything secret: the login
 * URL is the same for everyone. The Message-ID names the queue row, so a retry sends the same message.
 */
final class NoticeMessages {
    private static final DateTimeFormatter JA_DATE = DateTimeFormatter.ofPattern("uuuu年M月d日 HH:mm");
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm", Locale.ENGLISH);
    private final MailSettings settings;
    private final ZoneId zone;
    private final String messageIdDomain;
    private final DefaultMessageComposer composer = new DefaultMessageComposer();

    NoticeMessages(MailSettings settings, ZoneId zone) {
        this.settings = settings;
        this.zone = zone;
        String from = settings.from();
        this.messageIdDomain = from.substring(from.lastIndexOf('@') + 1);
    }

    MimeMessage compose(OutgoingMail mail, Session session) throws MessagingException {
        Locale locale = mail.language() == NoticeLanguage.EN ? Locale.ENGLISH : Locale.JAPANESE;
        ResourceBundle texts = ResourceBundle.getBundle("mail/notice", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String subject;
        String body;
        switch (mail) {
            case NoticeMail notice -> {
                String kind = notice.notice().onExpiry() ? "expired" : "before";
                Object[] values = {notice.loginId().value(), date(notice.notAfter(), locale), notice.daysLeft(),
                        settings.loginUrl()};
                subject = format(texts, kind + ".subject", locale, values);
                body = format(texts, kind + ".body", locale, values) + "\n\n" + format(texts, "steps", locale, values);
            }
            case DigestMail digest -> {
                Object[] values = {digest.loginId().value(), digest.contract().value(), digest.entries().size(),
                        settings.loginUrl()};
                StringBuilder lines = new StringBuilder();
                for (DigestMail.Entry entry : digest.entries()) {
                    lines.append(format(texts, "digest.line", locale, new Object[] {entry.loginId().value(),
                            date(entry.notAfter(), locale), entry.daysLeft()})).append('\n');
                }
                subject = format(texts, "digest.subject", locale, values);
                body = format(texts, "digest.body", locale, values) + "\n\n" + lines
                        + "\n" + format(texts, "steps", locale, values);
            }
        }
        Email email = Email.builder().from(settings.from()).to(mail.recipient().value()).subject(subject)
                .body(body + "\n\n" + texts.getString("footer"), BodyType.TEXT).build();
        MimeMessage message = new IdentifiedMessage((MimeMessage) composer.compose(email, session),
                "<notice-" + mail.reference() + "-" + mail.key() + "@" + messageIdDomain + ">");
        message.saveChanges();
        return message;
    }

    private String date(java.time.Instant at, Locale locale) {
        return (locale == Locale.ENGLISH ? EN_DATE : JA_DATE).format(at.atZone(zone)) + " (" + zone.getId() + ")";
    }

    private static String format(ResourceBundle texts, String key, Locale locale, Object[] values) {
        return new MessageFormat(texts.getString(key), locale).format(values);
    }

    /** Keeps the Message-ID given, where Jakarta Mail would make a new one at each save. */
    private static final class IdentifiedMessage extends MimeMessage {
        private final String messageId;

        IdentifiedMessage(MimeMessage composed, String messageId) throws MessagingException {
            super(composed);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
