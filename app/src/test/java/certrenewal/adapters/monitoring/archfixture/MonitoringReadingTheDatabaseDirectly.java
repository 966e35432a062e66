package certrenewal.adapters.monitoring.archfixture;

/** Breaks the adapters' isolation on purpose, for ArchitectureRulesBiteTest: monitoring must ask through the ports. */
public class MonitoringReadingTheDatabaseDirectly {
    certrenewal.adapters.persistence.JdbcAuditTrail trail;
    certrenewal.adapters.web.archfixture.WebCountingItsOwnMetrics web;
}
