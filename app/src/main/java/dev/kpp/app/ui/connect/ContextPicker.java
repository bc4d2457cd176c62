package dev.kpp.app.ui.connect;

import dev.kpp.app.text.Numbers;
import dev.kpp.app.text.Texts;
import dev.kpp.app.ui.common.DialogService;
import dev.kpp.app.ui.common.TaskRunner;
import dev.kpp.importer.cluster.KubeContext;
import dev.kpp.importer.cluster.Kubeconfig;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Connect dialog's context picker (a part of {@link ConnectViewModel}): the kubeconfig as the
 * importer resolves it ($KUBECONFIG merged as kubectl merges it, or ~/.kube/config, or a chosen file),
 * its contexts with how each signs in (never with what), and a search box that filters them as it is
 * typed into: every word must occur in the name, cluster, user, namespace or server. Reading the
 * kubeconfig never contacts a cluster.
 */
public final class ContextPicker {
    private final Function<Optional<Path>, Kubeconfig> kubeconfigs;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final Texts texts;
    private final ObjectProperty<Path> kubeconfig = new SimpleObjectProperty<>(this, "kubeconfig");
    private final ReadOnlyStringWrapper kubeconfigText = new ReadOnlyStringWrapper(this, "kubeconfigText", "");
    private final ReadOnlyStringWrapper kubeconfigNote = new ReadOnlyStringWrapper(this, "kubeconfigNote", "");
    private final ObservableList<ContextRow> contexts = FXCollections.observableArrayList();
    private final FilteredList<ContextRow> shown = new FilteredList<>(contexts, r -> true);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ReadOnlyStringWrapper shownCount = new ReadOnlyStringWrapper(this, "shownCount", "");
    private final ObjectProperty<ContextRow> selected = new SimpleObjectProperty<>(this, "selected");

    ContextPicker(Function<Optional<Path>, Kubeconfig> kubeconfigs, TaskRunner runner, DialogService dialogs,
                  Texts texts) {
        this.kubeconfigs = kubeconfigs;
        this.runner = runner;
        this.dialogs = dialogs;
        this.texts = texts;
        search.addListener(o -> filter());
    }

    private String text(String key, Object... args) {
        return texts.messages().get(key, args);
    }

    /** Asks for a kubeconfig file and lists its contexts. */
    public void chooseKubeconfig() {
        dialogs.chooseKubeconfig(text("connect.kubeconfig.choose.title"), kubeconfig.get()).ifPresent(p -> {
            kubeconfig.set(p);
            reload();
        });
    }

    /** Goes back to $KUBECONFIG or ~/.kube/config. */
    public void useDefaultKubeconfig() {
        kubeconfig.set(null);
        reload();
    }

    /** Reads the kubeconfig (never contacts a cluster) and lists its contexts, the current one selected. */
    public void reload() {
        Optional<Path> explicit = Optional.ofNullable(kubeconfig.get());
        runner.task(ctx -> kubeconfigs.apply(explicit)).named("kubeconfig")
                .onSuccess(this::show)
                .onError(e -> {
                    contexts.clear();
                    kubeconfigNote.set(text("connect.kubeconfig.error", e.getClass().getSimpleName()));
                })
                .start();
    }

    private void show(Kubeconfig kc) {
        List<ContextRow> rows = new ArrayList<>();
        for (KubeContext c : kc.contexts()) {
            rows.add(ContextRow.of(c, auth(c)));
        }
        String previous = selected.get() == null ? null : selected.get().name();
        contexts.setAll(rows);
        Path explicit = kubeconfig.get();
        kubeconfigText.set(explicit != null ? explicit.toString()
                : String.join(java.io.File.pathSeparator, kc.files().stream().map(Path::toString).toList()));
        List<String> notes = new ArrayList<>();
        notes.add(explicit != null ? text("connect.kubeconfig.explicit", Numbers.count(rows.size()))
                : text("connect.kubeconfig.default", Numbers.count(rows.size())));
        kc.problems().forEach(p -> notes.add(texts.problem(p)));
        kubeconfigNote.set(String.join("\n", notes));
        filter();
        ContextRow pick = rows.stream().filter(r -> r.name().equals(previous)).findFirst()
                .or(() -> rows.stream().filter(ContextRow::current).findFirst())
                .orElse(rows.isEmpty() ? null : rows.get(0));
        selected.set(pick);
    }

    private String auth(KubeContext c) {
        String how = text(switch (c.auth()) {
            case TOKEN -> "connect.auth.token";
            case TOKEN_FILE -> "connect.auth.tokenFile";
            case CLIENT_CERTIFICATE -> "connect.auth.clientCertificate";
            case EXEC -> "connect.auth.exec";
            case OIDC -> "connect.auth.oidc";
            case AUTH_PROVIDER -> "connect.auth.authProvider";
            case BASIC -> "connect.auth.basic";
            case NONE -> "connect.auth.none";
            case UNDEFINED -> "connect.auth.undefined";
        });
        if (!c.execCommand().isEmpty()) {
            how = text("connect.auth.withCommand", how, c.execCommand());
        }
        if (!c.proxyUrl().isEmpty()) {
            how = text("connect.auth.withProxy", how, c.proxyUrl());
        }
        return c.insecure() ? text("connect.auth.insecure", how) : how;
    }

    private void filter() {
        String[] tokens = search.get() == null || search.get().isBlank() ? new String[0]
                : search.get().strip().toLowerCase(Locale.ROOT).split("\\s+");
        shown.setPredicate(r -> r.matches(tokens));
        shownCount.set(shown.size() == contexts.size() ? text("connect.contexts.count", Numbers.count(contexts.size()))
                : text("connect.contexts.filtered", Numbers.count(shown.size()), Numbers.count(contexts.size())));
        if (selected.get() != null && !shown.contains(selected.get())) {
            selected.set(shown.isEmpty() ? null : shown.get(0));
        }
    }

    /** Selects a context (the table's selection). */
    public void select(ContextRow row) {
        if (row != null) {
            selected.set(row);
        }
    }

    public ObjectProperty<Path> kubeconfigProperty() {
        return kubeconfig;
    }

    /** @return the kubeconfig file(s) read */
    public ReadOnlyStringProperty kubeconfigTextProperty() {
        return kubeconfigText.getReadOnlyProperty();
    }

    /** @return where the kubeconfig comes from and how many contexts it has, then its problems */
    public ReadOnlyStringProperty kubeconfigNoteProperty() {
        return kubeconfigNote.getReadOnlyProperty();
    }

    /** @return every context of the kubeconfig */
    public ObservableList<ContextRow> contexts() {
        return contexts;
    }

    /** @return the contexts the search box lets through */
    public ObservableList<ContextRow> shownContexts() {
        return shown;
    }

    public StringProperty searchProperty() {
        return search;
    }

    /** @return "240 contexts" or "3 of 240 contexts" */
    public ReadOnlyStringProperty shownCountProperty() {
        return shownCount.getReadOnlyProperty();
    }

    public ObjectProperty<ContextRow> selectedProperty() {
        return selected;
    }
}
