package dev.kpp.app.ui;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The MVVM and threading rules of STYLE.md sections 2 and 3, checked on the compiled classes. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.kpp.app");

    @Test
    void viewModelsUseOnlyBeansCollectionsAndConcurrentFromJavaFx() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "javafx.application..", "javafx.fxml..", "javafx.embed..", "org.controlsfx..",
                        "atlantafx..", "org.kordamp..")
                .check(CLASSES);
    }

    @Test
    void platformRunLaterOnlyInUiCommon() {
        noClasses().that().resideOutsideOfPackage("dev.kpp.app.ui.common")
                .should().callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
                .check(CLASSES);
    }

    @Test
    void featureCodeStartsNoThreadsOfItsOwn() {
        noClasses().that().resideOutsideOfPackage("dev.kpp.app.ui.common")
                .and().resideInAPackage("dev.kpp.app.ui..")
                .should().callConstructor(Thread.class, Runnable.class)
                .orShould().callMethod(java.util.concurrent.Executors.class, "newFixedThreadPool", int.class)
                .orShould().callMethod(java.util.concurrent.CompletableFuture.class, "runAsync", Runnable.class)
                .check(CLASSES);
    }

    @Test
    void theModelNeverSeesTheUi() {
        noClasses().that().resideInAPackage("dev.kpp.model..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.kpp.app..", "javafx..")
                .check(new ClassFileImporter().importPackages("dev.kpp.model"));
    }
}
