package certrenewal.adapters.persistence.archfixture;

/** Breaks the driven adapters' rules on purpose, for ArchitectureRulesBiteTest. */
public class PersistenceDrivingTheSystem {
    certrenewal.application.port.in.LogInUseCase logIn;
    certrenewal.adapters.web.RefusalHandler web;
}
