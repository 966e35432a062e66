package certrenewal.adapters.web.archfixture;

/** Breaks "only the composition root builds use cases" on purpose, for ArchitectureRulesBiteTest. */
public class WebBuildingAUseCase {
    certrenewal.application.service.GetCaCertificatesService service;
}
