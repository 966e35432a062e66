package certrenewal.app;

import certrenewal.adapters.mail.EmlFileNoticeSender;
import certrenewal.adapters.mail.MailSettings;
import certrenewal.adapters.mail.SmtpNoticeSender;
import certrenewal.application.port.out.AuditTrailPort;
import certrenewal.application.port.out.ContactPort;
import certrenewal.application.port.out.NoticeQueryPort;
import certrenewal.application.port.out.NoticeQueuePort;
import certrenewal.application.port.out.SendMailPort;
import certrenewal.application.port.out.TransactionPort;
import certrenewal.application.service.SendExpiryNoticesService;
import certrenewal.application.service.ViewIdNoticesService;
import certrenewal.domain.notice.DigestFrequency;
import certrenewal.domain.notice.ExpiryNoticeSchedule;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The expiry notices: the mail adapter chosen by configuration (SMTP when CERTRENEWAL_SMTP_HOST is set, else .eml
 * files under the data directory, which production accepts but announces at start) and the use case sending them.
 */
@Factory
final class MailFactory {
    private static final Logger LOG = LoggerFactory.getLogger(MailFactory.class);
    static final String DEVELOPMENT_LOGIN_URL = "https://localhost:8443/";

    @Singleton
    MailSettings mailSettings(BankSettings settings) {
        BankSettings.Notices.Smtp smtp = settings.notices().smtp();
        return new MailSettings(smtp.host(), smtp.port(), smtp.user(), smtp.password(), smtp.from(),
                MailSettings.Security.parse(smtp.tls()), settings.notices().loginUrl(),
                Path.of(settings.dataDir(), "mail"));
    }

    /** Made at the start ({@code @Context}), so that a production set-up missing CERTRENEWAL_LOGIN_URL stops it. */
    @Context
    SendMailPort sendMail(MailSettings mail, BankSettings settings, Environment environment) {
        ZoneId zone = ZoneId.of(settings.administration().zone());
        boolean production = environment.getActiveNames().contains(BankSettings.PRODUCTION_ENVIRONMENT);
        if (mail.smtpHost().isEmpty()) {
            if (production) {
                LOG.warn("CERTRENEWAL_SMTP_HOST is not set: expiry notices are NOT e-mailed but written as .eml files"
                        + " under {}", mail.fileDirectory().toAbsolutePath());
            } else {
                LOG.info("No mail server configured: expiry notices are written as .eml files under {}",
                        mail.fileDirectory().toAbsolutePath());
            }
            return new EmlFileNoticeSender(mail, zone);
        }
        if (production && DEVELOPMENT_LOGIN_URL.equals(mail.loginUrl())) {
            String reason = "Expiry notices are e-mailed (CERTRENEWAL_SMTP_HOST) but CERTRENEWAL_LOGIN_URL, the login"
                    + " address written into them, is not set";
            LOG.error("Cannot start: {}", reason);
            throw new IllegalStateException("Cannot start: " + reason);
        }
        LOG.info("Expiry notices are e-mailed: {}", mail);
        return new SmtpNoticeSender(mail, zone);
    }

    @Singleton
    ExpiryNoticeSchedule expiryNoticeSchedule(BankSettings settings) {
        // the notice on expiry is due while renewal after expiry is possible: the same grace days as the renewal policy
        return new ExpiryNoticeSchedule(settings.notices().offsetDays(), settings.renewal().graceDays());
    }

    @Singleton
    ViewIdNoticesService viewIdNotices(ContactPort contacts, NoticeQueryPort notices, AuditTrailPort audit,
                                       TransactionPort transactions, Clock clock) {
        return new ViewIdNoticesService(contacts, notices, audit, transactions, clock);
    }

    @Singleton
    SendExpiryNoticesService sendExpiryNotices(NoticeQueuePort queue, SendMailPort mail, AuditTrailPort audit,
                                               TransactionPort transactions, ExpiryNoticeSchedule schedule,
                                               BankSettings settings, Clock clock) {
        BankSettings.Notices notices = settings.notices();
        return new SendExpiryNoticesService(queue, mail, audit, transactions, schedule,
                new SendExpiryNoticesService.Retries(notices.firstRetry(), notices.maxRetry(), notices.maxAttempts(),
                        settings.cluster().leaseDuration()), DigestFrequency.parse(notices.digest()),
                ZoneId.of(settings.administration().zone()), clock);
    }
}
