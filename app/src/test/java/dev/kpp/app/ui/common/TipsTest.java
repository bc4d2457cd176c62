package dev.kpp.app.ui.common;

import javafx.beans.property.SimpleStringProperty;
import javafx.fxml.FXMLLoader;
import javafx.scene.control.Button;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class TipsTest {
    @Start
    void start(Stage stage) {
    }

    private static void enter(javafx.scene.Node node) {
        node.fireEvent(new MouseEvent(MouseEvent.MOUSE_ENTERED, 1, 1, 1, 1, MouseButton.NONE, 0, false, false, false,
                false, false, false, false, false, false, false, null));
    }

    @Test
    void theTooltipIsMadeOnTheFirstHoverWithItsTextAndStyle(FxRobot robot) {
        robot.interact(() -> {
            Button b = new Button("Open");
            Tips.install(b, "Opens a scenario", Tips.wrapped(360, 350));
            assertThat(b.getTooltip()).as("nothing made before a hover").isNull();
            assertThat(Tips.getText(b)).isEqualTo("Opens a scenario");
            enter(b);
            assertThat(b.getTooltip().getText()).isEqualTo("Opens a scenario");
            assertThat(b.getTooltip().isWrapText()).isTrue();
            assertThat(b.getTooltip().getMaxWidth()).isEqualTo(360);
            assertThat(b.getTooltip().getShowDelay().toMillis()).isEqualTo(350);
            var made = b.getTooltip();
            enter(b);
            assertThat(b.getTooltip()).as("made once").isSameAs(made);
        });
    }

    @Test
    void aBoundTooltipFollowsItsTextAndAReinstallReplacesThePendingOne(FxRobot robot) {
        robot.interact(() -> {
            SimpleStringProperty timing = new SimpleStringProperty("Last redraw 12 ms");
            VBox box = new VBox();
            Tips.install(box, "first", t -> { });
            Tips.install(box, timing, t -> { });
            enter(box);
            javafx.scene.control.Tooltip tip = (javafx.scene.control.Tooltip) box.getProperties().values().stream()
                    .filter(v -> v instanceof javafx.scene.control.Tooltip).findFirst().orElseThrow();
            assertThat(tip.getText()).isEqualTo("Last redraw 12 ms");
            timing.set("Last redraw 9 ms");
            assertThat(tip.getText()).isEqualTo("Last redraw 9 ms");
        });
    }

    @Test
    void fxmlSetsItAsAStaticProperty(FxRobot robot) throws Exception {
        String fxml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <?import javafx.scene.control.Button?>
                <?import dev.kpp.app.ui.common.Tips?>
                <Button xmlns:fx="http://javafx.com/fxml/1" text="Save" Tips.text="Saves the scenario"/>
                """;
        Button b = new FXMLLoader().load(new ByteArrayInputStream(fxml.getBytes(StandardCharsets.UTF_8)));
        assertThat(b.getTooltip()).isNull();
        robot.interact(() -> enter(b));
        assertThat(b.getTooltip().getText()).isEqualTo("Saves the scenario");
    }
}
