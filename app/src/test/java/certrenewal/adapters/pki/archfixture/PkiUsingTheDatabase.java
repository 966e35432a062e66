package certrenewal.adapters.pki.archfixture;

/** Breaks the adapters' isolation on purpose, for ArchitectureRulesBiteTest. */
public class PkiUsingTheDatabase {
    certrenewal.adapters.persistence.JdbcAccountAdapter accounts;
}
