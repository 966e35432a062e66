package certrenewal.adapters.mail;

import certrenewal.application.port.out.OutgoingMail;
import certrenewal.application.port.out.SendMailPort;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Properties;

/**
 * Sends notices to the bank's SMTP server (Jakarta Mail), with STARTTLS required, SMTPS, or plain, as configured; the
 * server's certificate is checked against the JVM's trust store and its host name. A server that is down, times out
 * or refuses the message is a {@link SendMailPort.MailNotSentException}: the notice stays queued.
 */
public final class SmtpNoticeSender implements SendMailPort {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final MailSettings settings;
    private final Session session;
    private final NoticeMessages messages;

    public SmtpNoticeSender(MailSettings settings, ZoneId zone) {
        this.settings = settings;
        String host = settings.smtpHost().orElseThrow(() -> new IllegalArgumentException("no SMTP host"));
        boolean tls = settings.security() == MailSettings.Security.TLS;
        String protocol = tls ? "smtps" : "smtp";
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", protocol);
        properties.put("mail." + protocol + ".host", host);
        properties.put("mail." + protocol + ".port", Integer.toString(settings.effectivePort()));
        properties.put("mail." + protocol + ".auth", Boolean.toString(settings.authenticates()));
        properties.put("mail." + protocol + ".connectiontimeout", Long.toString(TIMEOUT.toMillis()));
        properties.put("mail." + protocol + ".timeout", Long.toString(TIMEOUT.toMillis()));
        properties.put("mail." + protocol + ".writetimeout", Long.toString(TIMEOUT.toMillis()));
        if (settings.security() == MailSettings.Security.STARTTLS) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        if (settings.security() != MailSettings.Security.NONE) {
            properties.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        this.session = Session.getInstance(properties);
        this.messages = new NoticeMessages(settings, zone);
    }

    @Override
    public void send(OutgoingMail mail) {
        try {
            MimeMessage message = messages.compose(mail, session);
            if (settings.authenticates()) {
                Transport.send(message, settings.user(), settings.password());
            } else {
                Transport.send(message);
            }
        } catch (MessagingException | RuntimeException e) {
            throw new MailNotSentException("SMTP " + settings.smtpHost().orElseThrow() + ":" + settings.effectivePort()
                    + " did not take the notice: " + e, e);
        }
    }

    @Override
    public String toString() {
        return "SmtpNoticeSender[" + settings + "]";
    }
}
