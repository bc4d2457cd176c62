package dev.kpp.app;

import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/** The planner window. */
public final class PlannerApplication extends Application {
    @Override
    public void start(Stage stage) {
        Label title = new Label(AppInfo.NAME + " — " + AppInfo.TAGLINE);
        title.setId("title");
        title.setFont(javafx.scene.text.Font.font(22));
        Label version = new Label("version " + AppInfo.version());
        version.setId("version");
        VBox root = new VBox(12, title, version);
        root.setAlignment(Pos.CENTER);
        root.setPadding(new Insets(32));
        stage.setTitle(AppInfo.NAME + " " + AppInfo.version());
        stage.setScene(new Scene(root, 640, 360));
        stage.show();
    }
}
