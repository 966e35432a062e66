package certrenewal.adapters.web.archfixture;

/** Uses Micrometer outside the monitoring adapter on purpose, for ArchitectureRulesBiteTest. */
public class WebCountingItsOwnMetrics {
    io.micrometer.core.instrument.Counter logins;
    certrenewal.adapters.monitoring.archfixture.MonitoringReadingTheDatabaseDirectly monitoring;
}
