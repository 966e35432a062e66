package certrenewal.application.archfixture;

/** Breaks the application's framework ban on purpose, for ArchitectureRulesBiteTest. */
public class ApplicationUsingTheFramework {
    io.micronaut.context.ApplicationContext context;
}
