package dev.kpp.model;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The model's package rules (docs/architecture.md): no package cycles, and the layers
 * units → inventory → rules → scenario → cost/calibration → plan → advice, each only looking down.
 */
class ModelArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.kpp.model");

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("dev.kpp.model.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void unitsDependOnNothingOfOurs() {
        noClasses().that().resideInAPackage("dev.kpp.model.units..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.kpp.model.inventory..", "dev.kpp.model.rules..",
                        "dev.kpp.model.scenario..", "dev.kpp.model.cost..", "dev.kpp.model.calibration..",
                        "dev.kpp.model.plan..", "dev.kpp.model.advice..")
                .check(CLASSES);
    }

    @Test
    void inventoryAndRulesKnowNoScenarioCostsOrPlans() {
        noClasses().that().resideInAnyPackage("dev.kpp.model.inventory..", "dev.kpp.model.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.kpp.model.scenario..", "dev.kpp.model.cost..",
                        "dev.kpp.model.calibration..", "dev.kpp.model.plan..", "dev.kpp.model.advice..")
                .check(CLASSES);
    }

    @Test
    void onlyThePlanAndTheAdvisorSeeThePlanningCore() {
        noClasses().that().resideInAnyPackage("dev.kpp.model.scenario..", "dev.kpp.model.cost..",
                        "dev.kpp.model.calibration..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.kpp.model.plan..", "dev.kpp.model.advice..")
                .check(CLASSES);
    }

    @Test
    void thePlanNeverSeesTheAdvisor() {
        noClasses().that().resideInAPackage("dev.kpp.model.plan..")
                .should().dependOnClassesThat().resideInAPackage("dev.kpp.model.advice..")
                .check(CLASSES);
    }

    @Test
    void theModelDoesNoIo() {
        noClasses().that().resideInAPackage("dev.kpp.model..")
                .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "java.net..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileInputStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileOutputStream")
                .check(CLASSES);
    }
}
