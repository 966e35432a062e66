package certrenewal.adapters.web.archfixture;

/** Breaks the web adapter's rules on purpose, for ArchitectureRulesBiteTest. */
public class WebGoingAroundTheUseCases {
    certrenewal.application.port.out.LoadAccountPort accounts;
    certrenewal.adapters.persistence.JdbcAccountAdapter adapter;
}
