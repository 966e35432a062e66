package certrenewal.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each architecture rule, broken on purpose: the classes in the {@code archfixture} packages of
 * this module's tests (one beside each layer) violate every rule, so a rule that stopped
 * matching anything would fail here instead of passing silently.
 */
class ArchitectureRulesBiteTest {
    private static final JavaClasses FIXTURES = new ClassFileImporter()
            .withImportOption(location -> location.contains("/archfixture/"))
            .importPackages("certrenewal");

    static Stream<ArchRule> rules() {
        return ArchitectureTest.all().stream();
    }

    @ParameterizedTest
    @MethodSource("rules")
    void everyRuleFailsOnAClassThatBreaksIt(ArchRule rule) {
        EvaluationResult result = rule.evaluate(FIXTURES);

        assertTrue(result.hasViolation(), "no fixture breaks: " + rule.getDescription());
        assertTrue(result.getFailureReport().getDetails().stream().allMatch(line -> line.contains("archfixture")),
                result.getFailureReport().toString());
    }

    @Test
    void theFixturesAreFoundAndTheProductionClassesAreNot() {
        assertTrue(FIXTURES.size() >= 10, FIXTURES.toString());
        assertFalse(FIXTURES.stream().anyMatch(c -> !c.getPackageName().contains("archfixture")));
    }
}
