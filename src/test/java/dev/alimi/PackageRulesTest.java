package dev.alimi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules of DESIGN.md: who may use whom. */
class PackageRulesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.alimi");
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }

    @Test
    void modelDependsOnNothingOfOursAndDoesNoIo() {
        check(noClasses().that().resideInAPackage("dev.alimi.model..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.alimi.config..", "dev.alimi.fetch..", "dev.alimi.detect..", "dev.alimi.track..",
                        "dev.alimi.policy..", "dev.alimi.notify..", "dev.alimi.schedule..", "dev.alimi.store..",
                        "dev.alimi.web..", "dev.alimi.cli..")
                .orShould().dependOnClassesThat().resideInAnyPackage(
                        "java.io..", "java.net.http..", "java.nio.channels..", "java.sql..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.file.Files")
                .because("model holds values only; I/O belongs to the stages"));
    }

    @Test
    void nothingDependsOnCli() {
        check(noClasses().that().resideOutsideOfPackage("dev.alimi.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.alimi.cli..")
                .because("cli is the one wiring place"));
    }

    @Test
    void stagesUseOnlyTheModel() {
        for (String stage : new String[] {"config", "fetch", "detect", "track", "policy", "notify", "store"}) {
            String[] others = java.util.stream.Stream.of("config", "fetch", "detect", "track", "policy", "notify",
                            "schedule", "store", "web", "cli")
                    .filter(p -> !p.equals(stage)).map(p -> "dev.alimi." + p + "..").toArray(String[]::new);
            check(noClasses().that().resideInAPackage("dev.alimi." + stage + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .because(stage + " may use only the model (DESIGN.md, Packages)")
                    .allowEmptyShould(true)); // store has no classes yet
        }
    }

    @Test
    void scheduleDoesNotReachIntoConfigWebOrCli() {
        check(noClasses().that().resideInAPackage("dev.alimi.schedule..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.alimi.config..", "dev.alimi.web..", "dev.alimi.cli.."));
    }
}
