package dev.kpp.importer;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The importer's package rules (docs/architecture.md): no package cycles; the SPI at the bottom,
 * readers in the middle, the facade ({@code dev.kpp.importer}) on top; nothing reaches the app or
 * JavaFX.
 */
class ImportArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.kpp.importer");

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("dev.kpp.importer.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theSpiDependsOnNoImporter() {
        noClasses().that().resideInAPackage("dev.kpp.importer.spi..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.kpp.importer.file..",
                        "dev.kpp.importer.snapshot..", "dev.kpp.importer.rules..", "dev.kpp.importer.metrics..",
                        "dev.kpp.importer.cluster..", "dev.kpp.importer.codec..", "com.fasterxml..", "io.fabric8..")
                .check(CLASSES);
    }

    @Test
    void nothingDependsOnTheFacade() {
        noClasses().that().resideInAPackage("dev.kpp.importer.*..")
                .should().dependOnClassesThat().resideInAPackage("dev.kpp.importer")
                .check(CLASSES);
    }

    @Test
    void theImporterNeverSeesTheAppOrJavaFx() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.kpp.app..", "javafx..")
                .check(CLASSES);
    }
}
