package certrenewal.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The hexagon, stated once over every module (this module's test classpath sees them all). */
@AnalyzeClasses(packages = "certrenewal", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String DOMAIN = "certrenewal.domain..";
    private static final String APPLICATION = "certrenewal.application..";
    private static final String PORTS_IN = "certrenewal.application.port.in..";
    private static final String PORTS_OUT = "certrenewal.application.port.out..";
    private static final String SERVICES = "certrenewal.application.service..";
    private static final String WEB = "certrenewal.adapters.web..";
    private static final String PERSISTENCE = "certrenewal.adapters.persistence..";
    private static final String PKI = "certrenewal.adapters.pki..";
    private static final String COMPOSITION_ROOT = "certrenewal.app..";

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
    static final ArchRule webAdapterDependsOnNoOtherAdapter = noClasses().that().resideInAPackage(WEB)
            .should().dependOnClassesThat().resideInAnyPackage(PERSISTENCE, PKI, COMPOSITION_ROOT);

    @ArchTest
    static final ArchRule persistenceAdapterDependsOnNoOtherAdapter = noClasses().that().resideInAPackage(PERSISTENCE)
            .should().dependOnClassesThat().resideInAnyPackage(WEB, PKI, COMPOSITION_ROOT);

    @ArchTest
    static final ArchRule pkiAdapterDependsOnNoOtherAdapter = noClasses().that().resideInAPackage(PKI)
            .should().dependOnClassesThat().resideInAnyPackage(WEB, PERSISTENCE, COMPOSITION_ROOT);

    @ArchTest
    static final ArchRule webCallsIncomingPortsOnly = noClasses().that().resideInAPackage(WEB)
            .should().dependOnClassesThat().resideInAnyPackage(PORTS_OUT, SERVICES)
            .because("screens and protocols reach the system through its use cases, never around them");

    @ArchTest
    static final ArchRule onlyTheCompositionRootBuildsUseCases = noClasses().that().resideOutsideOfPackages(COMPOSITION_ROOT, SERVICES)
            .should().dependOnClassesThat().resideInAPackage(SERVICES)
            .because("use-case implementations are wired in one place, the composition root");

    @ArchTest
    static final ArchRule drivenAdaptersDoNotCallUseCases = noClasses().that().resideInAnyPackage(PERSISTENCE, PKI)
            .should().dependOnClassesThat().haveSimpleNameEndingWith("UseCase")
            .because("the database and the CA are driven by the use cases, they do not drive them");
}
