package dev.kpp.app.ui.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.kpp.app.ui.settings.ThemeChoice;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class ThemeManagerTest {
    private static final String LIGHT = new PrimerLight().getUserAgentStylesheetBSS();
    private static final String DARK = new PrimerDark().getUserAgentStylesheetBSS();
    private String before;

    @Start
    void start(Stage stage) {
    }

    @BeforeEach
    void remember(FxRobot robot) {
        robot.interact(() -> before = Application.getUserAgentStylesheet());
    }

    @AfterEach
    void restore(FxRobot robot) {
        robot.interact(() -> Application.setUserAgentStylesheet(before));
    }

    @Test
    void theUserAgentStylesheetIsTheChosenThemesBeforeAnySceneExists(FxRobot robot) {
        robot.interact(() -> {
            ThemeManager theme = new ThemeManager(false);
            assertThat(theme.applyUserAgent(ThemeChoice.DARK)).isTrue();
            assertThat(Application.getUserAgentStylesheet()).isEqualTo(DARK);
            assertThat(theme.applyUserAgent(ThemeChoice.LIGHT)).isFalse();
            assertThat(Application.getUserAgentStylesheet()).isEqualTo(LIGHT);
            assertThat(theme.applyUserAgent(ThemeChoice.LIGHT)).as("the same choice again").isFalse();
            assertThat(Application.getUserAgentStylesheet()).isEqualTo(LIGHT);
        });
    }

    @Test
    void theSystemChoiceFollowsTheDesktop(FxRobot robot) {
        robot.interact(() -> {
            assertThat(new ThemeManager(true).applyUserAgent(ThemeChoice.SYSTEM)).isTrue();
            assertThat(Application.getUserAgentStylesheet()).isEqualTo(DARK);
            assertThat(new ThemeManager(false).applyUserAgent(ThemeChoice.SYSTEM)).isFalse();
            assertThat(Application.getUserAgentStylesheet()).isEqualTo(LIGHT);
        });
    }

    @Test
    void applyingToASceneAfterTheUserAgentKeepsItAndAddsKppsStylesheets(FxRobot robot) {
        robot.interact(() -> {
            ThemeManager theme = new ThemeManager(false);
            boolean[] told = new boolean[1];
            theme.setOnApplied(d -> told[0] = d);
            theme.applyUserAgent(ThemeChoice.DARK);
            Scene scene = new Scene(new StackPane());
            theme.apply(scene, ThemeChoice.DARK);
            assertThat(Application.getUserAgentStylesheet()).isEqualTo(DARK);
            assertThat(scene.getStylesheets()).hasSize(2);
            assertThat(scene.getRoot().getStyleClass()).contains(Styles.DARK);
            assertThat(told[0]).isTrue();
            theme.apply(scene, ThemeChoice.LIGHT);
            assertThat(Application.getUserAgentStylesheet()).isEqualTo(LIGHT);
            assertThat(scene.getStylesheets()).hasSize(1);
            assertThat(scene.getRoot().getStyleClass()).doesNotContain(Styles.DARK);
            assertThat(told[0]).isFalse();
        });
    }
}
