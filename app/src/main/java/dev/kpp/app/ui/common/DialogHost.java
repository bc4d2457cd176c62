package dev.kpp.app.ui.common;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.function.Function;

/**
 * Shows a feature's view (FXML plus its view class, loaded through the controller factory) as a
 * dialog window owned by the main window: window-modal, with the owner's theme (stylesheets and the
 * dark style class), sized to the view's preferred size within the owner and centred on it; the node
 * with style class {@code initial-focus} gets the focus. Non-blocking, so the
 * window's tasks and tests keep running while it is open.
 */
public final class DialogHost {
    private final Function<Class<?>, Parent> loader;

    /** @param loader loads a view class's scene graph ({@link ViewLoader#load}) */
    public DialogHost(Function<Class<?>, Parent> loader) {
        this.loader = loader;
    }

    /**
     * Loads and shows a view as a dialog.
     *
     * @param view  the view class ({@code Foo.class} loads {@code Foo.fxml})
     * @param owner the main window
     * @param title the window title
     * @return the dialog's stage
     */
    public Stage show(Class<?> view, Window owner, String title) {
        Parent root = loader.apply(view);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(title);
        Scene scene = new Scene(root);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            for (String c : owner.getScene().getRoot().getStyleClass()) {
                // the theme's classes on the owner's root ("theme-dark"), without depending on ui.theme, which
                // depends on ui.settings, which depends on this package
                if (c.startsWith("theme-") && !root.getStyleClass().contains(c)) {
                    root.getStyleClass().add(c);
                }
            }
        }
        stage.setScene(scene);
        root.applyCss(); // the preferred size with the styles applied
        double w = root.prefWidth(-1);
        double h = root.prefHeight(w);
        if (owner != null) {
            // within the owner, centred on it (a window manager may still move it)
            w = Math.max(root.minWidth(-1), Math.min(w, owner.getWidth() - 40));
            h = Math.max(root.minHeight(w), Math.min(h, owner.getHeight() - 40));
            stage.setX(owner.getX() + Math.max(0, (owner.getWidth() - w) / 2));
            stage.setY(owner.getY() + Math.max(0, (owner.getHeight() - h) / 2));
        }
        stage.setWidth(w);
        stage.setHeight(h);
        stage.show();
        Node first = root.lookup(".initial-focus");
        if (first != null) {
            first.requestFocus();
        }
        return stage;
    }

    /**
     * Runs {@code action} when the window showing {@code node} is hidden (closed by its close button,
     * Escape or the view itself).
     */
    public static void onHidden(Node node, Runnable action) {
        node.sceneProperty().addListener((o, oldScene, scene) -> {
            if (scene != null) {
                scene.windowProperty().addListener((w, oldWindow, window) -> {
                    if (window != null) {
                        window.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> action.run());
                    }
                });
            }
        });
    }

    /** Closes the window showing {@code node}. */
    public static void close(Node node) {
        if (node.getScene() != null && node.getScene().getWindow() != null) {
            node.getScene().getWindow().hide();
        }
    }
}
