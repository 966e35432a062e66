package certrenewal.adapters.mail;

import certrenewal.application.port.out.OutgoingMail;
import certrenewal.application.port.out.SendMailPort;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.Properties;

/**
 * The embedded default without a mail server: each notice is written as an RFC 822 {@code .eml} file (any mail
 * program opens it) under the data directory's {@code mail/}, named after its queue row, so that sending it again
 * writes the same file rather than a second one. Written to a temporary file first and moved into place.
 */
public final class EmlFileNoticeSender implements SendMailPort {
    private final Path directory;
    private final Session session = Session.getInstance(new Properties());
    private final NoticeMessages messages;

    public EmlFileNoticeSender(MailSettings settings, ZoneId zone) {
        this.directory = settings.fileDirectory();
        this.messages = new NoticeMessages(settings, zone);
    }

    @Override
    public void send(OutgoingMail mail) {
        Path file = directory.resolve("notice-" + mail.reference() + "-" + mail.loginId() + "-" + mail.key() + ".eml");
        try {
            Files.createDirectories(directory);
            Path partial = Files.createTempFile(directory, ".notice-", ".part");
            try (OutputStream out = Files.newOutputStream(partial)) {
                messages.compose(mail, session).writeTo(out);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | MessagingException e) {
            throw new MailNotSentException("could not write " + file + ": " + e, e);
        }
    }

    public Path directory() {
        return directory;
    }

    @Override
    public String toString() {
        return "EmlFileNoticeSender[" + directory + "]";
    }
}
