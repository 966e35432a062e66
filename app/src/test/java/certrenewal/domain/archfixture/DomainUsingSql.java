package certrenewal.domain.archfixture;

/** Breaks the domain's purity on purpose, for ArchitectureRulesBiteTest. */
public class DomainUsingSql {
    java.sql.Connection connection;
}
