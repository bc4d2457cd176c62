package dev.kpp.app.cli;

import java.util.Map;

/** How the CLI names the model's inputs: field id (the scenario JSON key) to flag. */
final class Flags {
    private static final Map<String, String> FLAGS = Map.ofEntries(
            Map.entry("services", "--services"),
            Map.entry("portsPerService", "--ports-per-service"),
            Map.entry("endpointsPerService", "--endpoints-per-service"),
            Map.entry("nodePortShare", "--nodeport-share"),
            Map.entry("loadBalancerShare", "--loadbalancer-share"),
            Map.entry("externalLocalShare", "--external-local-share"),
            Map.entry("affinityShare", "--affinity-share"),
            Map.entry("nodes", "--nodes"),
            Map.entry("coresPerNode", "--cores-per-node"),
            Map.entry("requestsPerSecond", "--requests-per-second"),
            Map.entry("requestsPerConnection", "--requests-per-connection"),
            Map.entry("endpointChangesPerSecond", "--endpoint-changes-per-second"),
            Map.entry("kernel", "--kernel"),
            Map.entry("kubernetesVersion", "--kubernetes-version"),
            Map.entry("syncPeriodSeconds", "--sync-period"),
            Map.entry("minSyncPeriodSeconds", "--min-sync-period"),
            Map.entry("podsPerNode", "--pods-per-node"),
            Map.entry("policiesPerPod", "--policies-per-pod"),
            Map.entry("points", "--points"),
            Map.entry("vary", "--vary"),
            Map.entry("from", "--from"),
            Map.entry("to", "--to"),
            Map.entry("sample", "--sample"),
            Map.entry("repeat", "--repeat"),
            Map.entry("budget", "--budget"),
            Map.entry("growth", "--growth"));

    private Flags() {
    }

    /** @return the flag of a field id, or the id itself when no flag sets it */
    static String of(String field) {
        return FLAGS.getOrDefault(field, field);
    }
}
