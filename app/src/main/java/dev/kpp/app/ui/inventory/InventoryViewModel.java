package dev.kpp.app.ui.inventory;

import dev.kpp.app.text.Messages;
import dev.kpp.app.ui.common.Formats;
import dev.kpp.app.ui.common.KeyValue;
import dev.kpp.app.ui.session.InventorySummary;
import dev.kpp.app.ui.session.LoadedInventory;
import dev.kpp.app.ui.session.PlannerSession;
import dev.kpp.model.inventory.KubeProxyConfig;
import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.plan.Prediction;
import dev.kpp.model.scenario.Sample;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The inventory pane: source, counts by type, endpoints per Service, nodes and kernels, kube-proxy, warnings. */
public final class InventoryViewModel {
    private final PlannerSession session;
    private final Messages messages;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper kind = new ReadOnlyStringWrapper(this, "kind", "");
    private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper(this, "description", "");
    private final ObservableList<KeyValue> types = FXCollections.observableArrayList();
    private final ObservableList<KeyValue> endpoints = FXCollections.observableArrayList();
    private final ObservableList<KeyValue> nodes = FXCollections.observableArrayList();
    private final ObservableList<KeyValue> kubeProxy = FXCollections.observableArrayList();
    private final ObservableList<String> warnings = FXCollections.observableArrayList();

    /**
     * @param session  shared state
     * @param messages wording
     */
    public InventoryViewModel(PlannerSession session, Messages messages) {
        this.session = session;
        this.messages = messages;
        session.inventoryProperty().addListener(o -> refresh());
        session.sampleProperty().addListener(o -> refresh());
        session.predictionProperty().addListener(o -> refreshWarnings());
        refresh();
    }

    private void refresh() {
        LoadedInventory inv = session.inventoryProperty().get();
        InventorySummary s;
        if (inv == null) {
            Sample sample = session.sampleProperty().get();
            s = InventorySummary.ofSample(sample);
            title.set(sample.name());
            kind.set(messages.get("inventory.kind.sample"));
            description.set(sample.title());
        } else {
            s = inv.summary();
            title.set(s.name());
            kind.set(messages.get("inventory.kind.imported", inv.sources().size()));
            description.set(String.join("\n", inv.sources().stream().map(Path::toString).toList()));
        }
        List<KeyValue> t = new ArrayList<>();
        long all = s.servicesByType().values().stream().mapToLong(Long::longValue).sum();
        for (Map.Entry<String, Long> e : s.servicesByType().entrySet()) {
            if (e.getValue() > 0 || !s.fromSample()) {
                t.add(new KeyValue(e.getKey(), Formats.integer(e.getValue()),
                        all == 0 ? 0 : e.getValue() / (double) all));
            }
        }
        t.add(KeyValue.of(messages.get("inventory.services.proxied"), Formats.integer(s.proxiedServices())));
        t.add(KeyValue.of(messages.get("inventory.services.ports"), Formats.integer(s.servicePorts())));
        types.setAll(t);

        List<KeyValue> e = new ArrayList<>();
        long max = s.endpointDistribution().stream().mapToLong(InventorySummary.Bucket::count).max().orElse(0);
        for (InventorySummary.Bucket b : s.endpointDistribution()) {
            e.add(new KeyValue(b.label(), Formats.integer(b.count()), max == 0 ? 0 : b.count() / (double) max));
        }
        e.add(KeyValue.of(messages.get("inventory.endpoints.mean"), Formats.number(s.meanEndpoints())));
        e.add(KeyValue.of(messages.get("inventory.endpoints.max"), Formats.integer(s.maxEndpoints())));
        e.add(KeyValue.of(messages.get("inventory.endpoints.total"), Formats.integer(s.endpoints())));
        endpoints.setAll(e);

        List<KeyValue> n = new ArrayList<>();
        n.add(KeyValue.of(messages.get("inventory.nodes.count"), Formats.integer(s.nodes())));
        n.add(KeyValue.of(messages.get("inventory.nodes.cores"),
                s.medianCores() > 0 ? Formats.number(s.medianCores()) : messages.get("inventory.unknown")));
        n.add(KeyValue.of(messages.get("inventory.nodes.kubernetes"),
                s.kubernetesVersion().isEmpty() ? messages.get("inventory.unknown") : s.kubernetesVersion()));
        for (Map.Entry<String, Long> k : s.kernels().entrySet()) {
            n.add(KeyValue.of(messages.get("inventory.nodes.kernel", k.getKey()),
                    messages.get("inventory.nodes.kernelCount", k.getValue())));
        }
        nodes.setAll(n);

        List<KeyValue> k = new ArrayList<>();
        KubeProxyConfig kp = s.kubeProxy();
        if (kp == null) {
            k.add(KeyValue.of(messages.get("inventory.kubeProxy.mode"), messages.get("inventory.kubeProxy.allModes")));
        } else {
            String mode = modeName(kp.effectiveMode());
            k.add(KeyValue.of(messages.get("inventory.kubeProxy.mode"), kp.mode().isPresent() ? mode
                    : messages.get("inventory.kubeProxy.implicit", mode)));
            k.add(KeyValue.of(messages.get("inventory.kubeProxy.syncPeriod"),
                    messages.get("inventory.seconds", Formats.number(kp.syncPeriodSeconds()))));
            k.add(KeyValue.of(messages.get("inventory.kubeProxy.minSyncPeriod"),
                    messages.get("inventory.seconds", Formats.number(kp.minSyncPeriodSeconds()))));
            k.add(KeyValue.of(messages.get("inventory.kubeProxy.conntrack"),
                    messages.get("inventory.kubeProxy.conntrackValue", Formats.integer(kp.conntrack().maxPerCore()),
                            Formats.integer(kp.conntrack().min()))));
            k.add(KeyValue.of(messages.get("inventory.kubeProxy.masqueradeAll"),
                    messages.get(kp.masqueradeAll() ? "inventory.yes" : "inventory.no")));
            k.add(KeyValue.of(messages.get("inventory.kubeProxy.clusterCidr"),
                    kp.clusterCidr().isEmpty() ? messages.get("inventory.unset") : kp.clusterCidr()));
        }
        kubeProxy.setAll(k);
        refreshWarnings();
    }

    private void refreshWarnings() {
        List<String> w = new ArrayList<>();
        LoadedInventory inv = session.inventoryProperty().get();
        if (inv != null) {
            for (String note : inv.summary().notes()) {
                w.add(messages.get(switch (note) {
                    case InventorySummary.NOTE_NO_NODES -> "inventory.note.noNodes";
                    case InventorySummary.NOTE_IMPLICIT_MODE -> "inventory.note.implicitMode";
                    case InventorySummary.NOTE_MIXED_KERNELS -> "inventory.note.mixedKernels";
                    default -> "inventory.note.servicesWithoutEndpoints";
                }));
            }
            for (ImportIssue issue : inv.problems()) {
                w.add(ImportViewModel.describe(issue, messages));
            }
        }
        Prediction p = session.predictionProperty().get();
        if (p != null) {
            for (String code : p.warningIds()) {
                String key = "warning." + code;
                w.add(messages.has(key) ? messages.get(key) : code);
            }
        }
        warnings.setAll(w);
    }

    private String modeName(ProxyMode mode) {
        return messages.get(switch (mode) {
            case IPTABLES -> "mode.iptables";
            case IPVS -> "mode.ipvs";
            case NFTABLES -> "mode.nftables";
            case EBPF -> "mode.ebpf";
        });
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty kindProperty() {
        return kind.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty descriptionProperty() {
        return description.getReadOnlyProperty();
    }

    public ObservableList<KeyValue> types() {
        return types;
    }

    public ObservableList<KeyValue> endpoints() {
        return endpoints;
    }

    public ObservableList<KeyValue> nodes() {
        return nodes;
    }

    public ObservableList<KeyValue> kubeProxy() {
        return kubeProxy;
    }

    public ObservableList<String> warnings() {
        return warnings;
    }
}
