package dev.kpp.app.ui.common;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Supplier;

/**
 * Loads {@code <Name>.fxml} next to a view class, creating controllers through a factory map
 * (Cryptomator's FxmlLoaderFactory idea, without Dagger): there is no static injector.
 */
public final class ViewLoader {
    private final Map<Class<?>, Supplier<?>> controllers;
    private final ResourceBundle bundle;

    /**
     * @param controllers how to create each view (controller) class with its dependencies
     * @param bundle      the messages bundle for {@code %key} lookups
     */
    public ViewLoader(Map<Class<?>, Supplier<?>> controllers, ResourceBundle bundle) {
        this.controllers = Map.copyOf(controllers);
        this.bundle = bundle;
    }

    /** @return the bundle FXML resolves {@code %key}s against */
    public ResourceBundle bundle() {
        return bundle;
    }

    /**
     * Loads the FXML named after {@code viewClass} ({@code Foo.class} loads {@code Foo.fxml}).
     *
     * @return the root node
     */
    public Parent load(Class<?> viewClass) {
        return loadWith(viewClass).root();
    }

    /**
     * A loaded view.
     *
     * @param root       its scene graph
     * @param controller its controller
     * @param <T>        the controller's class
     */
    public record Loaded<T>(Parent root, T controller) {
    }

    /**
     * Loads the FXML named after {@code viewClass}, like {@link #load}, and returns its controller with it.
     *
     * @return the root node and the controller
     */
    public <T> Loaded<T> loadWith(Class<T> viewClass) {
        URL url = viewClass.getResource(viewClass.getSimpleName() + ".fxml");
        if (url == null) {
            throw new IllegalStateException("no FXML for " + viewClass.getName());
        }
        FXMLLoader loader = new FXMLLoader(url, bundle);
        // the views' own loader resolves FXML imports, also when JavaFX itself is on the module path
        loader.setClassLoader(viewClass.getClassLoader());
        loader.setControllerFactory(type -> {
            Supplier<?> supplier = controllers.get(type);
            if (supplier == null) {
                throw new IllegalStateException("no controller factory for " + type.getName());
            }
            return supplier.get();
        });
        try {
            Parent root = loader.load();
            return new Loaded<>(root, viewClass.cast(loader.getController()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + url, e);
        }
    }
}
