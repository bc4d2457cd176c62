package dev.kpp.app.ui.connect;

import dev.kpp.app.text.Numbers;
import dev.kpp.app.text.Texts;
import dev.kpp.app.ui.common.DialogService;
import dev.kpp.app.ui.common.RunningTask;
import dev.kpp.app.ui.common.TaskContext;
import dev.kpp.app.ui.common.TaskRunner;
import dev.kpp.app.ui.inventory.ImportViewModel;
import dev.kpp.app.ui.session.LoadedInventory;
import dev.kpp.app.ui.session.PlannerSession;
import dev.kpp.importer.cluster.Kubeconfig;
import dev.kpp.importer.spi.ClusterSource;
import dev.kpp.importer.spi.ImportProblem;
import dev.kpp.importer.spi.ImportRequest;
import dev.kpp.importer.spi.ImportResult;
import dev.kpp.importer.spi.InventoryImporter;
import dev.kpp.importer.spi.KindProgress;
import dev.kpp.importer.spi.ProgressListener;
import dev.kpp.model.scenario.ScenarioParams;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * File → Connect to cluster: picks a kubeconfig context (search box over any number of contexts),
 * snapshots the cluster through the importer port ({@link ImportRequest.Cluster}, the CLI's
 * {@code kpp import --context}) in the background with per-kind counts and pages as they arrive, and on
 * success hands the result to {@link ImportViewModel#adopt}, the path every import takes. Cancel stops
 * within one page and loads nothing, unless "keep what was read" was chosen (then it is loaded, marked
 * partial). Problems are worded by the message bundle; credentials never reach it.
 */
public final class ConnectViewModel {
    /** Where the dialog is. */
    public enum Phase { CHOOSING, CONNECTING, CANCELLING, CONNECTED, FAILED, CANCELLED }

    /** Kinds in the importer's order; others follow. */
    private static final List<String> ORDER = List.of("Namespace", "Node", "Service", "EndpointSlice",
            "NetworkPolicy", "ConfigMap");

    private final PlannerSession session;
    private final ImportViewModel imports;
    private final InventoryImporter importer;
    private final ContextPicker picker;
    private final TaskRunner runner;
    private final Texts texts;

    private final IntegerProperty pageSize = new SimpleIntegerProperty(this, "pageSize",
            ImportRequest.Cluster.DEFAULT_PAGE_SIZE);
    private final BooleanProperty scrapeMetrics = new SimpleBooleanProperty(this, "scrapeMetrics");
    private final IntegerProperty metricsNodes = new SimpleIntegerProperty(this, "metricsNodes", 3);
    private final BooleanProperty keepPartial = new SimpleBooleanProperty(this, "keepPartial");
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.CHOOSING);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ObservableList<KindRow> kinds = FXCollections.observableArrayList();
    private final ObservableList<String> messages = FXCollections.observableArrayList();
    private final BooleanBinding busy;
    private final BooleanBinding canConnect;
    private final BooleanBinding canSave;
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private RunningTask task;

    /**
     * @param session     shared state
     * @param imports     the window's imports (a successful snapshot is adopted as they adopt one)
     * @param importer    the importer port (the CLI's, too); null when this build has none
     * @param kubeconfigs reads the kubeconfig (an explicit file, or empty for $KUBECONFIG / ~/.kube/config)
     * @param runner      background work
     * @param dialogs     file choosers
     * @param texts       wording
     */
    public ConnectViewModel(PlannerSession session, ImportViewModel imports, InventoryImporter importer,
                            Function<Optional<Path>, Kubeconfig> kubeconfigs, TaskRunner runner,
                            DialogService dialogs, Texts texts) {
        this.session = session;
        this.imports = imports;
        this.importer = importer;
        this.picker = new ContextPicker(kubeconfigs, runner, dialogs, texts);
        this.runner = runner;
        this.texts = texts;
        busy = Bindings.createBooleanBinding(() -> phase.get() == Phase.CONNECTING || phase.get() == Phase.CANCELLING,
                phase);
        canConnect = picker.selectedProperty().isNotNull().and(busy.not());
        canSave = session.inventoryProperty().isNotNull().and(busy.not());
    }

    private String text(String key, Object... args) {
        return texts.messages().get(key, args);
    }

    /** The dialog opened: reads the kubeconfig again (it may have changed since). */
    public void opened() {
        if (!busy.get()) {
            phase.set(Phase.CHOOSING);
            kinds.clear();
            messages.clear();
            status.set("");
            progress.set(0);
            picker.reload();
        }
    }

    /** Snapshots the selected context in the background. */
    public void connect() {
        ContextRow row = picker.selectedProperty().get();
        if (row == null || busy.get()) {
            return;
        }
        ImportRequest.Cluster request = new ImportRequest.Cluster(Optional.of(row.name()),
                Optional.ofNullable(picker.kubeconfigProperty().get()), Math.max(1, Math.min(100_000, pageSize.get())),
                scrapeMetrics.get() ? Math.max(0, metricsNodes.get()) : 0, keepPartial.get());
        if (importer == null || !importer.supports(request)) {
            phase.set(Phase.FAILED);
            messages.setAll(text("inventory.import.error.unavailable"));
            return;
        }
        String kept = session.sourceName();
        cancelRequested.set(false);
        kinds.clear();
        messages.clear();
        progress.unbind();
        status.unbind();
        phase.set(Phase.CONNECTING);
        RunningTask t = runner.<Outcome>task(ctx -> snapshot(request, ctx)).named("connect").cancellable()
                .onSuccess(o -> finished(o, row.name(), kept))
                .onError(e -> {
                    System.getLogger(ConnectViewModel.class.getName()).log(System.Logger.Level.ERROR,
                            "live import of " + request.describe() + " failed", e);
                    end(Phase.FAILED, text("connect.status.failed", row.name(), kept));
                    messages.setAll(text("inventory.import.error.internal", e.getClass().getSimpleName()));
                })
                .onCancelled(() -> end(Phase.CANCELLED, text("connect.status.cancelled", kept)))
                .andFinally(() -> {
                    task = null;
                    session.taskProperty().set(null);
                })
                .start();
        if (busy.get()) {
            task = t;
            session.taskProperty().set(t);
            progress.bind(t.progressProperty());
            status.bind(t.messageProperty());
        }
    }

    /** What the worker hands back: the result, and the inventory to load (null when nothing is loaded). */
    private record Outcome(ImportResult result, LoadedInventory loaded) {
    }

    private Outcome snapshot(ImportRequest.Cluster request, TaskContext ctx) {
        ctx.updateMessage(text("connect.status.start", request.context().orElse("")));
        ctx.updateProgress(-1, -1);
        Map<String, KindProgress> latest = new ConcurrentHashMap<>();
        AtomicBoolean pending = new AtomicBoolean();
        ProgressListener listener = new ProgressListener() {
            private String detail = "";

            @Override
            public void progress(long workDone, long totalWork, String messageKey, String d) {
                ctx.updateProgress(workDone, totalWork);
                detail = d == null ? "" : d;
                if (ProgressListener.CONNECTING.equals(messageKey)) {
                    ctx.updateMessage(text("connect.status.connecting", detail));
                } else if (ProgressListener.SCRAPING.equals(messageKey) && !detail.isEmpty()) {
                    ctx.updateMessage(text("connect.status.scraping", detail, Numbers.count(workDone + 1),
                            Numbers.count(totalWork)));
                }
            }

            @Override
            public void counts(long services, long endpointSlices, long nodes) {
                ctx.updateMessage(text("connect.status.listing", Numbers.count(services), Numbers.count(endpointSlices),
                        Numbers.count(nodes)));
            }

            @Override
            public void kind(KindProgress k) {
                latest.put(k.kind(), k);
                if (pending.compareAndSet(false, true)) {
                    ctx.publish(() -> {
                        pending.set(false);
                        showProgress(latest);
                    });
                }
            }
        };
        ImportResult r = importer.importInventory(request, listener, () -> cancelRequested.get() || ctx.isCancelled());
        boolean load = !r.sources().isEmpty() && (!r.cancelled() || request.keepPartial());
        if (load) {
            ctx.updateMessage(text("inventory.import.status.analysing", Numbers.count(r.inventory().services().size())));
        }
        return new Outcome(r, load ? LoadedInventory.of(request, r, ScenarioParams.defaults()) : null);
    }

    private void showProgress(Map<String, KindProgress> latest) {
        if (!busy.get()) {
            return; // the final outcome is already shown
        }
        List<KindProgress> all = new ArrayList<>(latest.values());
        all.sort(Comparator.comparingInt(k -> rank(k.kind())));
        List<KindRow> rows = new ArrayList<>();
        for (KindProgress k : all) {
            String objects = k.expected() >= 0 && !k.finished()
                    ? text("connect.kind.objectsOf", Numbers.count(k.objects()), Numbers.count(k.expected()))
                    : Numbers.count(k.objects());
            String state = switch (k.phase()) {
                case LISTING -> text("connect.kind.listing");
                case RETRYING -> text("connect.kind.retrying", k.detail());
                case RESTARTING -> text("connect.kind.restarting");
                case DONE -> text("connect.kind.done");
                case FORBIDDEN -> text("connect.kind.forbidden");
                case NOT_FOUND -> text("connect.kind.notFound");
                case FAILED -> text("connect.kind.failed");
            };
            rows.add(new KindRow(k.kind(), objects, Numbers.count(k.pages()), state,
                    k.phase() == KindProgress.Phase.FORBIDDEN || k.phase() == KindProgress.Phase.NOT_FOUND
                            || k.phase() == KindProgress.Phase.FAILED));
        }
        kinds.setAll(rows);
    }

    private static int rank(String kind) {
        int i = ORDER.indexOf(kind);
        return i < 0 ? ORDER.size() : i;
    }

    private void finished(Outcome o, String context, String kept) {
        ImportResult r = o.result();
        r.cluster().ifPresent(c -> kinds.setAll(outcomes(c)));
        List<ImportProblem> problems = new ArrayList<>(r.problems());
        problems.sort(Comparator.comparing(p -> p.severity() != ImportProblem.Severity.ERROR));
        List<String> lines = new ArrayList<>(problems.stream().filter(p -> !p.code().equals("cancelled"))
                .map(texts::problem).toList());
        if (o.loaded() == null) {
            boolean cancelled = r.cancelled() || cancelRequested.get();
            end(cancelled ? Phase.CANCELLED : Phase.FAILED, cancelled ? text("connect.status.cancelled", kept)
                    : text("connect.status.failed", context, kept));
            messages.setAll(cancelled ? List.of() : lines);
            return;
        }
        imports.adopt(o.loaded());
        ClusterSource c = r.cluster().orElse(null);
        var inv = r.inventory();
        String summary = text("connect.status.connected", Numbers.count(inv.services().size()),
                Numbers.count(inv.endpointSlices().size()), Numbers.count(inv.nodes().size()), context,
                c == null ? "" : Numbers.duration(c.elapsed().toMillis() / 1000.0));
        if (r.partial()) {
            summary = text("connect.status.partial", summary);
        }
        if (c != null && !c.forbiddenKinds().isEmpty()) {
            lines.add(0, text("connect.forbidden", String.join(", ", c.forbiddenKinds())));
        }
        end(Phase.CONNECTED, summary);
        messages.setAll(lines);
    }

    private List<KindRow> outcomes(ClusterSource c) {
        List<KindRow> rows = new ArrayList<>();
        for (ClusterSource.KindOutcome k : c.kinds()) {
            String state = switch (k.status()) {
                case COMPLETE -> k.restarts() > 0 || k.retries() > 0
                        ? text("connect.kind.doneAfter", Numbers.count(k.restarts()), Numbers.count(k.retries()))
                        : text("connect.kind.done");
                case FORBIDDEN -> text("connect.kind.forbidden");
                case NOT_FOUND -> text("connect.kind.notFound");
                case FAILED -> text("connect.kind.failed");
                case CANCELLED -> text("connect.kind.cancelled");
            };
            rows.add(new KindRow(k.kind(), Numbers.count(k.objects()), Numbers.count(k.pages()), state,
                    k.status() != ClusterSource.Status.COMPLETE));
        }
        return rows;
    }

    private void end(Phase p, String message) {
        progress.unbind();
        status.unbind();
        progress.set(p == Phase.CONNECTED ? 1 : 0);
        status.set(message);
        phase.set(p);
        session.post(message);
    }

    /** Stops the snapshot within one page; nothing is loaded unless "keep what was read" was chosen. */
    public void cancel() {
        if (phase.get() == Phase.CONNECTING) {
            cancelRequested.set(true);
            status.unbind();
            status.set(text("connect.status.cancelling"));
            phase.set(Phase.CANCELLING);
        }
    }

    /** The dialog was closed: a running snapshot is cancelled. */
    public void closed() {
        cancel();
    }

    /** Asks where, then saves the loaded snapshot (File → Save snapshot, the same action). */
    public void saveSnapshot() {
        if (!busy.get()) {
            imports.saveSnapshot();
        }
    }

    /** @return the kubeconfig and its contexts, with the search box */
    public ContextPicker picker() {
        return picker;
    }

    public IntegerProperty pageSizeProperty() {
        return pageSize;
    }

    public BooleanProperty scrapeMetricsProperty() {
        return scrapeMetrics;
    }

    public IntegerProperty metricsNodesProperty() {
        return metricsNodes;
    }

    public BooleanProperty keepPartialProperty() {
        return keepPartial;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** @return progress 0..1, -1 while unknown */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** @return what is happening, or how it ended */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** @return one row per kind: objects, pages and state */
    public ObservableList<KindRow> kinds() {
        return kinds;
    }

    /** @return problems and warnings, as the message bundle words them */
    public ObservableList<String> messages() {
        return messages;
    }

    /** @return true while a snapshot runs or stops */
    public BooleanBinding busyBinding() {
        return busy;
    }

    public BooleanBinding canConnectBinding() {
        return canConnect;
    }

    /** @return true when an inventory is loaded and nothing runs */
    public BooleanBinding canSaveBinding() {
        return canSave;
    }
}
