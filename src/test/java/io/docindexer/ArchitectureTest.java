package io.docindexer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The function's code (target/classes, what sam build ships) never depends on the tooling that
 * lives in src/dev/java: the local stack, the CLI, the benchmarks and the chaos run. The build
 * already keeps the tooling off the function's class path; this names the rule, and would catch
 * tooling moved back next to the function.
 */
class ArchitectureTest {

    private static final String[] TOOLING = {
        "io.docindexer.bench..", "io.docindexer.chaos..", "io.docindexer.cli..", "io.docindexer.local.."
    };
    private static final ArchRule FUNCTION_NEVER_USES_TOOLING = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(TOOLING)
            .because("the tooling (src/dev/java) never ships in the Lambda artifact");
    private static final Path FUNCTION_CLASSES =
            Path.of(System.getProperty("docindexer.function.classes", "target/classes"));

    private static JavaClasses function;

    @BeforeAll
    static void importTheFunctionsClasses() {
        function = new ClassFileImporter().importPath(FUNCTION_CLASSES);
    }

    @Test
    void theFunctionHasNoToolingClasses() {
        assertThat(function)
                .isNotEmpty()
                .noneMatch(type -> type.getPackageName().matches("io\\.docindexer\\.(bench|chaos|cli|local)(\\..*)?"));
    }

    @Test
    void theFunctionNeverDependsOnTooling() {
        FUNCTION_NEVER_USES_TOOLING.check(function);
    }

    @Test
    void theRedriveFunctionDoesNotReachIntoTheIngestBatch() {
        noClasses()
                .that()
                .resideInAPackage("io.docindexer.redrive..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.docindexer.batch..")
                .because("what both functions share lives in io.docindexer.invocation and io.docindexer.sqs")
                .check(function);
    }

    @Test
    void theBatchOwnsItsPortsAndTheSqsAdaptersImplementThem() {
        noClasses()
                .that()
                .resideInAPackage("io.docindexer.batch..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.docindexer.sqs..")
                .because(
                        "a port belongs to the package that uses it; the adapter depends on it, not the other way round")
                .check(function);
    }

    @Test
    void theRuleCatchesAClassOfAFunctionPackageThatUsesTheLocalStack() throws ClassNotFoundException {
        // An integration test lives in the ingest package and drives the local stack: as a class of
        // the function it would break the rule.
        JavaClasses offender = new ClassFileImporter().importClasses(Class.forName("io.docindexer.ingest.PipelineIT"));

        assertThatThrownBy(() -> FUNCTION_NEVER_USES_TOOLING.check(offender))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("io.docindexer.local.LocalServers");
    }
}
