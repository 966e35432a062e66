package certrenewal.application.port.out;

/** Hands a notice to the bank's mail system (an SMTP server, or files on the embedded default). */
public interface SendMailPort {

    /**
     * Sends {@code mail} or throws {@link MailNotSentException} when the mail system is down or refused it; the
     * caller keeps the notice queued and tries again later.
     */
    void send(OutgoingMail mail);

    /** The mail could not be handed over (server down, connection refused, message refused). */
    final class MailNotSentException extends RuntimeException {
        public MailNotSentException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
