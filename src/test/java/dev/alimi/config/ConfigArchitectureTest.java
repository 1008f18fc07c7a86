package dev.alimi.config;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ConfigArchitectureTest {

    @Test
    void configUsesOnlyTheModel() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.alimi.config");
        noClasses().that().resideInAPackage("dev.alimi.config..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.alimi.fetch..", "dev.alimi.detect..", "dev.alimi.track..", "dev.alimi.policy..",
                        "dev.alimi.notify..", "dev.alimi.schedule..", "dev.alimi.store..", "dev.alimi.web..", "dev.alimi.cli..")
                .check(classes);
    }
}
