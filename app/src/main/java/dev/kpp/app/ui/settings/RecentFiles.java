package dev.kpp.app.ui.settings;

import dev.kpp.app.ui.common.SettingsStore;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The most recently opened inventories and scenario files, newest first, kept in the settings. */
public final class RecentFiles {
    /** Entries kept. */
    public static final int LIMIT = 10;
    private static final String KEY = "recentFiles";
    private final SettingsStore store;
    private final ObservableList<Path> files = FXCollections.observableArrayList();

    /** @param store where the list persists */
    public RecentFiles(SettingsStore store) {
        this.store = store;
        for (String line : store.get(KEY, "").split("\n")) {
            if (!line.isBlank() && files.size() < LIMIT) {
                try {
                    files.add(Path.of(line));
                } catch (RuntimeException e) {
                    // an unreadable entry is dropped
                }
            }
        }
    }

    /** @return the list, newest first (read-only by convention) */
    public ObservableList<Path> files() {
        return files;
    }

    /** Moves or adds a path to the front. */
    public void add(Path path) {
        Path p = path.toAbsolutePath().normalize();
        List<Path> next = new ArrayList<>(files);
        next.remove(p);
        next.add(0, p);
        while (next.size() > LIMIT) {
            next.remove(next.size() - 1);
        }
        files.setAll(next);
        save();
    }

    /** Forgets every entry. */
    public void clear() {
        files.clear();
        save();
    }

    private void save() {
        store.put(KEY, String.join("\n", files.stream().map(Path::toString).toList()));
        store.flush();
    }
}
