package dev.alimi.store;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class StoreArchitectureTest {

    @Test
    void storeUsesOnlyTheModelOfOurPackages() {
        noClasses().that().resideInAPackage("dev.alimi.store..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.alimi.config..", "dev.alimi.fetch..", "dev.alimi.detect..", "dev.alimi.track..",
                        "dev.alimi.policy..", "dev.alimi.notify..", "dev.alimi.schedule..", "dev.alimi.web..",
                        "dev.alimi.cli..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.alimi.store"));
    }
}
