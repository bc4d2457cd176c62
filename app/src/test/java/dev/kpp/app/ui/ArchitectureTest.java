package dev.kpp.app.ui;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import dev.kpp.model.calibration.BenchmarkDataset;
import dev.kpp.model.calibration.Calibration;
import dev.kpp.model.calibration.CurveSeries;
import dev.kpp.model.calibration.FitReport;
import dev.kpp.model.calibration.FittedParameter;
import dev.kpp.model.calibration.ValidationRow;
import dev.kpp.model.plan.Crossovers;
import dev.kpp.model.plan.Planner;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The app's architecture rules, checked on the compiled classes: MVVM and threading (STYLE.md 2, 3),
 * no package cycles (root package included), the window on the planning core (no planning logic of
 * its own, calibration injected by the composition root).
 */
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

    /** With JavaFX on the module path (docs/adr/0105) its internals are not exported to kpp. */
    @Test
    void noJavaFxInternals() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("com.sun.javafx..", "com.sun.glass..",
                "com.sun.prism..").check(CLASSES);
    }

    @Test
    void theModelNeverSeesTheUi() {
        noClasses().that().resideInAPackage("dev.kpp.model..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.kpp.app..", "javafx..")
                .check(new ClassFileImporter().importPackages("dev.kpp.model"));
    }

    @Test
    void theAppsSubpackagesAreFreeOfCycles() {
        slices().matching("dev.kpp.app.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    /** The same with the root package (Launcher, AppContext, PlannerApplication) as a slice of its own. */
    @Test
    void theAppsPackagesRootIncludedAreFreeOfCycles() {
        slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                return c.getPackageName().startsWith("dev.kpp.app") ? SliceIdentifier.of(c.getPackageName())
                        : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "every package of dev.kpp.app, the root package included";
            }
        }).should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theWindowSeesOfTheCalibrationOnlyWhatItShows() {
        DescribedPredicate<JavaClass> internals = resideInAPackage("dev.kpp.model.calibration..")
                .and(DescribedPredicate.not(belongToAnyOf(Calibration.class, FitReport.class, ValidationRow.class,
                        CurveSeries.class, FittedParameter.class)));
        noClasses().that().resideInAPackage("dev.kpp.app.ui..")
                .should().dependOnClassesThat(internals.as("calibration fitting internals"))
                .check(CLASSES);
    }

    @Test
    void onlyTheCompositionRootsFitTheCalibrationAndBuildThePlanner() {
        noClasses().that().resideInAPackage("dev.kpp.app.ui..")
                .should().callConstructor(Planner.class, Calibration.class)
                .orShould().callMethod(Calibration.class, "embedded")
                .orShould().callMethod(Calibration.class, "fit", BenchmarkDataset.class)
                .check(CLASSES);
    }

    @Test
    void theWindowHoldsNoPlanningLogic() {
        noClasses().that().resideInAPackage("dev.kpp.app.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.kpp.model.rules..")
                .orShould().dependOnClassesThat().belongToAnyOf(dev.kpp.model.cost.CostEngine.class,
                        dev.kpp.model.scenario.SyntheticCluster.class)
                .orShould().callMethod(Crossovers.class, "find", dev.kpp.model.plan.SweepResult.class,
                        dev.kpp.model.plan.Metric.class, java.util.OptionalDouble.class)
                .orShould().callMethod(Planner.class, "growthServices", long.class)
                .because("metrics, budgets, crossovers, sweeps, scaling and summaries live in dev.kpp.model.plan; "
                        + "the window only orchestrates it")
                .check(CLASSES);
    }
}
