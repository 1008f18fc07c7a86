package dev.alimi.fetch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class FetchArchitectureTest {

    @Test
    void fetchUsesOnlyTheModelOfOurPackages() {
        classes().that().resideInAPackage("dev.alimi.fetch..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("dev.alimi.fetch..", "dev.alimi.model..", "java..", "javax.net..", "org.slf4j..")
                .check(new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                        .importPackages("dev.alimi.fetch"));
    }
}
