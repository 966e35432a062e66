package certrenewal.adapters.mail;

import certrenewal.application.port.out.NoticeMail;
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

    MimeMessage compose(NoticeMail mail, Session session) throws MessagingException {
        Locale locale = mail.language() == NoticeLanguage.EN ? Locale.ENGLISH : Locale.JAPANESE;
        ResourceBundle texts = ResourceBundle.getBundle("mail/notice", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String kind = mail.notice().onExpiry() ? "expired" : "before";
        String expiry = (locale == Locale.ENGLISH ? EN_DATE : JA_DATE).format(mail.notAfter().atZone(zone))
                + " (" + zone.getId() + ")";
        Object[] values = {mail.loginId().value(), expiry, mail.daysLeft(), settings.loginUrl()};
        String subject = new MessageFormat(texts.getString(kind + ".subject"), locale).format(values);
        String body = new MessageFormat(texts.getString(kind + ".body"), locale).format(values)
                + "\n\n" + new MessageFormat(texts.getString("steps"), locale).format(values)
                + "\n\n" + texts.getString("footer");
        Email email = Email.builder().from(settings.from()).to(mail.recipient().value()).subject(subject)
                .body(body, BodyType.TEXT).build();
        MimeMessage message = new IdentifiedMessage((MimeMessage) composer.compose(email, session),
                "<notice-" + mail.reference() + "-" + mail.notice().key() + "@" + messageIdDomain + ">");
        message.saveChanges();
        return message;
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
