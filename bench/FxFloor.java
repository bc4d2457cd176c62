// The floor of the window's start-up on this machine: a JavaFX application that shows one drawn
// canvas, timed like the planner window's first chart (ms from JVM start to the first laid-out
// pulse). docs/benchmarks.md, "Start-up". Compile it first (a source-file launch would time javac
// too), after ./kpp has built app/target/lib, and run it under a display:
//   FX=$(ls app/target/lib/javafx-*-linux.jar | tr '\n' ':')
//   javac -d /tmp/fx-floor --module-path "$FX" --add-modules javafx.controls bench/FxFloor.java
//   java --module-path "$FX" --add-modules javafx.controls -cp /tmp/fx-floor FxFloor
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

public class FxFloor extends Application {
    public static void main(String[] args) {
        launch(args);
    }

    @Override
    public void start(Stage stage) {
        Canvas canvas = new Canvas(800, 500);
        GraphicsContext g = canvas.getGraphicsContext2D();
        for (int i = 0; i < 500; i++) {
            g.strokeLine(i, 250 + 100 * Math.sin(i / 30.0), i + 1, 250 + 100 * Math.sin((i + 1) / 30.0));
        }
        Scene scene = new Scene(new StackPane(canvas), 1000, 700);
        long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        Runnable[] first = new Runnable[1];
        first[0] = () -> {
            scene.removePostLayoutPulseListener(first[0]);
            System.err.println("floor: first frame " + (System.currentTimeMillis() - jvmStart)
                    + " ms after the JVM started");
            Platform.runLater(Platform::exit);
        };
        scene.addPostLayoutPulseListener(first[0]);
        stage.setScene(scene);
        stage.show();
    }
}
