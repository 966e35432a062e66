package certrenewal.adapters.mail.archfixture;

/** Breaks the adapters' isolation on purpose, for ArchitectureRulesBiteTest. */
public class MailReadingTheDatabase {
    certrenewal.adapters.persistence.JdbcContactAdapter contacts;
}
