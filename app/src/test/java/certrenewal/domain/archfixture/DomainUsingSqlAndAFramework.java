package certrenewal.domain.archfixture;

/** Breaks the domain's purity on purpose, for ArchitectureRulesBiteTest: SQL (a java.* package) and a framework. */
public class DomainUsingSqlAndAFramework {
    java.sql.Connection connection;
    io.micronaut.context.ApplicationContext context;
}
