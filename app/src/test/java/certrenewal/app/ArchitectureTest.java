package certrenewal.app;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;

/**
 * The hexagon, stated once over every module (this module's test classpath sees them all).
 * {@link ArchitectureRulesBiteTest} shows each rule failing on classes that break it.
 */
@AnalyzeClasses(packages = "certrenewal", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    static final String DOMAIN = "certrenewal.domain..";
    static final String APPLICATION = "certrenewal.application..";
    static final String PORTS_IN = "certrenewal.application.port.in..";
    static final String PORTS_OUT = "certrenewal.application.port.out..";
    static final String READ_MODELS = "certrenewal.application.readmodel..";
    static final String SERVICES = "certrenewal.application.service..";
    static final String WEB = "certrenewal.adapters.web..";
    static final String PERSISTENCE = "certrenewal.adapters.persistence..";
    static final String PKI = "certrenewal.adapters.pki..";
    static final String MONITORING = "certrenewal.adapters.monitoring..";
    static final String MAIL = "certrenewal.adapters.mail..";
    static final String COMPOSITION_ROOT = "certrenewal.app..";

    @ArchTest
    static final ArchRule domainDependsOnJavaOnly = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN)
            .because("the domain is pure Java: no framework, no BouncyCastle, no SQL");

    @ArchTest
    static final ArchRule domainUsesNoFrameworkNoCryptoLibraryNoSql = noClasses().that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "org.bouncycastle..", "java.sql..",
                    "jakarta..", "javax..");

    @ArchTest
    static final ArchRule applicationDependsOnDomainAndJakartaInjectAtMost = classes().that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN, APPLICATION, "jakarta.inject..");

    @ArchTest
    static final ArchRule incomingPortsDoNotDependOnOutgoingPorts = noClasses().that().resideInAPackage(PORTS_IN)
            .should().dependOnClassesThat().resideInAnyPackage(PORTS_OUT, SERVICES)
            .because("what the system offers does not depend on how it is stored or signed");

    @ArchTest
    static final ArchRule outgoingPortsDoNotDependOnIncomingPorts = noClasses().that().resideInAPackage(PORTS_OUT)
            .should().dependOnClassesThat().resideInAnyPackage(PORTS_IN, SERVICES)
            .because("adapters behind the outgoing ports must not need the use cases' types");

    @ArchTest
    static final ArchRule readModelsAreSharedByBothSidesAndDependOnNeither = classes().that().resideInAPackage(READ_MODELS)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN, READ_MODELS);

    @ArchTest
    static final ArchRule eachServiceImplementsOneUseCase = classes().that().resideInAPackage(SERVICES)
            .should(implementAtMostOneIncomingPort())
            .because("one class per use case: shared steps are collaborators, not a second interface");

    @ArchTest
    static final ArchRule webAdapterDependsOnNoOtherAdapter = noClasses().that().resideInAPackage(WEB)
            .should().dependOnClassesThat().resideInAnyPackage(PERSISTENCE, PKI, MONITORING, MAIL, COMPOSITION_ROOT);

    @ArchTest
    static final ArchRule persistenceAdapterDependsOnNoOtherAdapter = noClasses().that().resideInAPackage(PERSISTENCE)
            .should().dependOnClassesThat().resideInAnyPackage(WEB, PKI, MONITORING, MAIL, COMPOSITION_ROOT);

    @ArchTest
    static final ArchRule pkiAdapterDependsOnNoOtherAdapter = noClasses().that().resideInAPackage(PKI)
            .should().dependOnClassesThat().resideInAnyPackage(WEB, PERSISTENCE, MONITORING, MAIL, COMPOSITION_ROOT);

    @ArchTest
    static final ArchRule monitoringAdapterDependsOnNoOtherAdapter = noClasses().that().resideInAPackage(MONITORING)
            .should().dependOnClassesThat().resideInAnyPackage(WEB, PERSISTENCE, PKI, MAIL, COMPOSITION_ROOT)
            .because("health checks and metrics ask through the application's ports, like any other adapter");

    @ArchTest
    static final ArchRule mailAdapterDependsOnNoOtherAdapter = noClasses().that().resideInAPackage(MAIL)
            .should().dependOnClassesThat().resideInAnyPackage(WEB, PERSISTENCE, PKI, MONITORING, COMPOSITION_ROOT)
            .because("the mail adapter writes what the notice use case hands it, nothing more");

    @ArchTest
    static final ArchRule metricsAndManagementStayInTheMonitoringAdapter = noClasses()
            .that().resideOutsideOfPackages(MONITORING, COMPOSITION_ROOT)
            .should().dependOnClassesThat().resideInAnyPackage("io.micrometer..", "io.micronaut.management..",
                    "io.micronaut.configuration.metrics..", "io.micronaut.health..")
            .because("the domain, the application and the other adapters know nothing of Micrometer or Micronaut "
                    + "management: what they do is counted from the audit trail");

    @ArchTest
    static final ArchRule webReachesTheApplicationThroughIncomingPortsOnly = noClasses().that().resideInAPackage(WEB)
            .should().dependOnClassesThat(resideInAPackage(APPLICATION).and(not(resideInAnyPackage(PORTS_IN, READ_MODELS))))
            .because("screens and protocols reach the system through its use cases, never around them");

    @ArchTest
    static final ArchRule onlyTheCompositionRootBuildsUseCases = noClasses().that().resideOutsideOfPackages(COMPOSITION_ROOT, SERVICES)
            .should().dependOnClassesThat().resideInAPackage(SERVICES)
            .because("use-case implementations are wired in one place, the composition root");

    @ArchTest
    static final ArchRule drivenAdaptersDoNotCallUseCases = noClasses().that().resideInAnyPackage(PERSISTENCE, PKI, MAIL)
            .should().dependOnClassesThat().resideInAnyPackage(PORTS_IN, SERVICES)
            .because("the database, the CA and the mail server are driven by the use cases, they do not drive them");

    /** Every rule of this class, for the test that breaks them. */
    static List<ArchRule> all() {
        return List.of(domainDependsOnJavaOnly, domainUsesNoFrameworkNoCryptoLibraryNoSql,
                applicationDependsOnDomainAndJakartaInjectAtMost, incomingPortsDoNotDependOnOutgoingPorts,
                outgoingPortsDoNotDependOnIncomingPorts, readModelsAreSharedByBothSidesAndDependOnNeither,
                eachServiceImplementsOneUseCase, webAdapterDependsOnNoOtherAdapter,
                persistenceAdapterDependsOnNoOtherAdapter, pkiAdapterDependsOnNoOtherAdapter,
                monitoringAdapterDependsOnNoOtherAdapter, mailAdapterDependsOnNoOtherAdapter,
                metricsAndManagementStayInTheMonitoringAdapter,
                webReachesTheApplicationThroughIncomingPortsOnly, onlyTheCompositionRootBuildsUseCases,
                drivenAdaptersDoNotCallUseCases);
    }

    private static ArchCondition<JavaClass> implementAtMostOneIncomingPort() {
        return new ArchCondition<>("implement at most one incoming port") {
            @Override
            public void check(JavaClass service, ConditionEvents events) {
                List<String> useCases = service.getAllRawInterfaces().stream()
                        .filter(resideInAPackage(PORTS_IN)).map(JavaClass::getSimpleName).sorted().toList();
                if (useCases.size() > 1) {
                    events.add(SimpleConditionEvent.violated(service,
                            service.getName() + " implements " + useCases.size() + " use cases: " + useCases));
                }
            }
        };
    }
}
