package dev.kpp.model.advice;

import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.plan.Budgets;
import dev.kpp.model.plan.Metric;
import dev.kpp.model.plan.ModePrediction;
import dev.kpp.model.plan.Prediction;
import dev.kpp.model.scenario.ScenarioParams;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the migration plan: prerequisite checks, the kube-proxy ConfigMap change, the rollout, what to
 * verify (kube-proxy's log line and metrics), the rollback and a monitoring plan whose thresholds come
 * from the predictions. Switching needs no reboot or drain: a restarted kube-proxy removes the other
 * modes' rules and established connections survive through conntrack (Kubernetes nftables blog,
 * "Migrating from iptables mode to nftables").
 */
final class Migration {
    /** kube-proxy's metrics port (KubeProxyConfiguration.metricsBindAddress default 127.0.0.1:10249 or 0.0.0.0:10249). */
    static final int METRICS_PORT = 10249;
    /** Share of nf_conntrack_max above which to alert (kube-proxy and distributions warn at 75% too). */
    static final double CONNTRACK_ALERT = 0.75;

    private Migration() {
    }

    /**
     * @return the plan from {@code from} to {@code to}; a plan that pins the mode when staying on an
     *         implicit default; null when staying on an explicitly configured mode
     */
    static MigrationPlan plan(ProxyMode from, ProxyMode to, ClusterFacts facts, Prediction now, Budgets budgets,
                              List<Check> checks, ScenarioParams p) {
        boolean pin = from == to && facts.configuredMode().isEmpty();
        if (from == to && !pin) {
            return null;
        }
        ModePrediction after = now.mode(to);
        List<MigrationPlan.Step> pre = new ArrayList<>();
        List<String> diff = new ArrayList<>();
        List<MigrationPlan.Step> rollout = new ArrayList<>();
        List<MigrationPlan.Step> verify = new ArrayList<>();
        List<MigrationPlan.Step> rollback = new ArrayList<>();

        String today = facts.configuredMode().map(ProxyMode::id).orElse("");
        diff.add("--- kube-system/configmap/kube-proxy config.conf (today)");
        diff.add("+++ kube-system/configmap/kube-proxy config.conf (after)");
        diff.add("-mode: \"" + today + "\"");
        diff.add("+mode: \"" + to.id() + "\"");
        if (!pin) {
            for (Check c : checks) {
                if (c.code() == Check.Code.NFTABLES_KERNEL || c.code() == Check.Code.EBPF_KERNEL) {
                    pre.add(step(MigrationPlan.StepCode.KERNEL_ON_ALL_NODES, List.of(
                            "kubectl get nodes -o custom-columns=NAME:.metadata.name,POOL:.metadata.labels,"
                                    + "KERNEL:.status.nodeInfo.kernelVersion"),
                            "minimum", c.params().get("minimum"), "failingNodes", c.params().get("failingNodes"),
                            "nodes", c.params().get("nodes")));
                }
            }
            switch (to) {
                case NFTABLES -> {
                    pre.add(step(MigrationPlan.StepCode.NFT_TOOL, List.of("nft --version"), "minimum",
                            Compatibility.NFT_TOOL));
                    if (facts.nodePortServices() > 0) {
                        pre.add(step(MigrationPlan.StepCode.LOCALHOST_NODEPORTS_UNUSED, List.of(
                                "curl -s http://<node-ip>:" + METRICS_PORT + "/metrics | grep "
                                        + "kubeproxy_iptables_localhost_nodeports_accepted_packets_total"),
                                "services", facts.nodePortServices()));
                    }
                    diff.add("+nftables:");
                    diff.add("+  minSyncPeriod: " + duration(p.minSyncPeriodSeconds()));
                    diff.add("+  syncPeriod: " + duration(p.syncPeriodSeconds()));
                }
                case IPVS -> {
                    pre.add(step(MigrationPlan.StepCode.IPVS_MODULES, List.of(
                            "lsmod | grep -E '^(" + String.join("|", Compatibility.IPVS_MODULES) + ") '",
                            "modprobe -a " + String.join(" ", Compatibility.IPVS_MODULES), "ipset --version"),
                            "modules", String.join(", ", Compatibility.IPVS_MODULES)));
                    diff.add("+ipvs:");
                    if (facts.loadBalancerServices() > 0) {
                        diff.add("+  strictARP: true");
                    }
                    diff.add("+  minSyncPeriod: " + duration(p.minSyncPeriodSeconds()));
                    diff.add("+  syncPeriod: " + duration(p.syncPeriodSeconds()));
                }
                case IPTABLES -> {
                    diff.add("+iptables:");
                    diff.add("+  minSyncPeriod: " + duration(p.minSyncPeriodSeconds()));
                    diff.add("+  syncPeriod: " + duration(p.syncPeriodSeconds()));
                }
                case EBPF -> pre.add(step(MigrationPlan.StepCode.INSTALL_CNI_REPLACEMENT, List.of()));
                default -> {
                }
            }
        }
        pre.add(step(MigrationPlan.StepCode.BACKUP_CONFIG, List.of(
                "kubectl -n kube-system get configmap kube-proxy -o yaml > kube-proxy-configmap-backup.yaml")));

        rollout.add(step(pin ? MigrationPlan.StepCode.PIN_MODE : MigrationPlan.StepCode.EDIT_CONFIG,
                List.of("kubectl -n kube-system edit configmap kube-proxy"), "mode", to.id()));
        rollout.add(step(MigrationPlan.StepCode.RESTART_KUBE_PROXY,
                List.of("kubectl -n kube-system rollout restart daemonset/kube-proxy")));
        double firstSync = after.costs().syncColdStartSeconds().high();
        long timeoutMinutes = Math.max(5, (long) Math.ceil(p.nodes() * (firstSync + 10) / 60.0));
        rollout.add(step(MigrationPlan.StepCode.WAIT_FOR_ROLLOUT, List.of(
                "kubectl -n kube-system rollout status daemonset/kube-proxy --timeout=" + timeoutMinutes + "m"),
                "nodes", (long) p.nodes(), "firstSync", after.costs().syncColdStartSeconds().value(), "firstSyncHigh",
                firstSync, "minutes", timeoutMinutes));

        verify.add(step(MigrationPlan.StepCode.CHECK_LOGS, List.of(
                "kubectl -n kube-system logs ds/kube-proxy | grep -m1 'Proxier'"), "line",
                "Using " + to.id() + " Proxier"));
        double partialHigh = after.costs().syncPartialSeconds().high();
        verify.add(step(MigrationPlan.StepCode.CHECK_SYNC_DURATION, List.of(
                "curl -s http://<node-ip>:" + METRICS_PORT + "/metrics | grep kubeproxy_sync_proxy_rules_duration_seconds"),
                "metric", Metric.SYNC_PARTIAL_SECONDS.key(), "value", after.costs().syncPartialSeconds().value(),
                "high", partialHigh));
        verify.add(step(MigrationPlan.StepCode.CHECK_PROGRAMMING_LATENCY, List.of(
                "curl -s http://<node-ip>:" + METRICS_PORT + "/metrics | grep kubeproxy_network_programming_duration_seconds"),
                "metric", Metric.SYNC_PARTIAL_SECONDS.key(), "value", programmingP99(p, after)));
        verify.add(step(MigrationPlan.StepCode.CHECK_RULES, rulesCommand(to), "rules", rulesExpected(to, after)));
        if (!pin) {
            verify.add(step(MigrationPlan.StepCode.CONFIRM_OLD_RULES_GONE, oldRulesCommand(from)));
        }

        rollback.add(step(MigrationPlan.StepCode.RESTORE_CONFIG, List.of(
                "kubectl -n kube-system apply -f kube-proxy-configmap-backup.yaml")));
        rollback.add(step(MigrationPlan.StepCode.RESTART_AGAIN, List.of(
                "kubectl -n kube-system rollout restart daemonset/kube-proxy",
                "kubectl -n kube-system rollout status daemonset/kube-proxy --timeout=" + timeoutMinutes + "m"),
                "mode", from.id()));

        List<MigrationPlan.Monitor> monitoring = new ArrayList<>();
        double syncAlert = Math.max(partialHigh, budgets.limit(Metric.SYNC_PARTIAL_SECONDS).orElse(0));
        monitoring.add(new MigrationPlan.Monitor("histogram_quantile(0.99, sum by (le) (rate("
                + "kubeproxy_sync_proxy_rules_duration_seconds_bucket[5m])))", round(syncAlert), "seconds",
                syncAlert == partialHigh ? "prediction-high" : "budget"));
        monitoring.add(new MigrationPlan.Monitor("histogram_quantile(0.99, sum by (le) (rate("
                + "kubeproxy_network_programming_duration_seconds_bucket[5m])))", round(programmingP99(p, after)),
                "seconds", "prediction-high"));
        monitoring.add(new MigrationPlan.Monitor(to == ProxyMode.NFTABLES
                ? "increase(kubeproxy_sync_proxy_rules_nftables_sync_failures_total[15m])"
                : "increase(kubeproxy_sync_proxy_rules_iptables_restore_failures_total[15m])", 0, "count", "any"));
        monitoring.add(new MigrationPlan.Monitor("kubeproxy_sync_proxy_rules_last_queued_timestamp_seconds - "
                + "kubeproxy_sync_proxy_rules_last_timestamp_seconds", round(Math.max(60, 2 * p.syncPeriodSeconds())),
                "seconds", "sync-period"));
        monitoring.add(new MigrationPlan.Monitor("node_nf_conntrack_entries / node_nf_conntrack_entries_limit",
                CONNTRACK_ALERT, "ratio", "kube-proxy-warning"));
        return new MigrationPlan(from, to, pre, diff, rollout, verify, rollback, monitoring);
    }

    /**
     * @return an upper estimate of the p99 network programming latency: a change waits for minSyncPeriod
     *         and the sync in progress, then its own sync
     */
    static double programmingP99(ScenarioParams p, ModePrediction m) {
        return p.minSyncPeriodSeconds() + 2 * m.costs().syncPartialSeconds().high();
    }

    private static long rulesExpected(ProxyMode to, ModePrediction m) {
        return switch (to) {
            case IPTABLES -> m.structure().count("nat");
            case IPVS -> m.structure().count("virtualServers");
            case NFTABLES, EBPF -> m.structure().rulesTotal();
        };
    }

    private static List<String> rulesCommand(ProxyMode to) {
        return switch (to) {
            case IPTABLES -> List.of("iptables-save -t nat | grep -c '^-A'");
            case IPVS -> List.of("ipvsadm -Ln | grep -cE '^(TCP|UDP|SCTP)'");
            case NFTABLES -> List.of("nft list table ip kube-proxy | grep -cE '^\\s+(ip|meta|ct|fib|jump|goto|"
                    + "counter|drop|reject|masquerade|dnat|return|numgen|tcp|udp|sctp)'");
            case EBPF -> List.of("cilium-dbg service list | wc -l");
        };
    }

    private static List<String> oldRulesCommand(ProxyMode from) {
        return switch (from) {
            case IPTABLES -> List.of("iptables-save | grep -c 'KUBE-SVC-'");
            case IPVS -> List.of("ipvsadm -Ln | grep -cE '^(TCP|UDP|SCTP)'", "ip addr show kube-ipvs0");
            case NFTABLES -> List.of("nft list table ip kube-proxy");
            case EBPF -> List.of("cilium-dbg service list | wc -l");
        };
    }

    /** @return a kube-proxy duration ("1s", "500ms", "1m30s") */
    static String duration(double seconds) {
        if (seconds < 1 && seconds > 0) {
            return Math.round(seconds * 1000) + "ms";
        }
        long s = Math.round(seconds);
        if (s >= 60 && s % 60 != 0) {
            return (s / 60) + "m" + (s % 60) + "s";
        }
        return s >= 60 ? (s / 60) + "m" : s + "s";
    }

    private static double round(double v) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.3g", v));
    }

    private static MigrationPlan.Step step(MigrationPlan.StepCode code, List<String> commands, Object... kv) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            params.put((String) kv[i], kv[i + 1]);
        }
        return new MigrationPlan.Step(code, params, commands);
    }
}
