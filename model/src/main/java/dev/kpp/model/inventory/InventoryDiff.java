package dev.kpp.model.inventory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What changed between two inventories of the same cluster: Services added, removed and changed
 * (type, ports, IPs or policies), ready endpoints, NodePorts, nodes, and growth per namespace.
 *
 * @param servicesBefore  Services in the first inventory
 * @param servicesAfter   Services in the second
 * @param added           Service keys only in the second, sorted
 * @param removed         Service keys only in the first, sorted
 * @param changed         Service keys in both whose spec differs, sorted
 * @param endpointsBefore ready endpoints summed over Services, first
 * @param endpointsAfter  ready endpoints summed over Services, second
 * @param nodePortsBefore NodePorts, first
 * @param nodePortsAfter  NodePorts, second
 * @param nodesBefore     nodes, first
 * @param nodesAfter      nodes, second
 * @param namespaces      per-namespace growth, sorted by namespace
 */
public record InventoryDiff(long servicesBefore, long servicesAfter, List<String> added, List<String> removed,
                            List<String> changed, long endpointsBefore, long endpointsAfter, long nodePortsBefore,
                            long nodePortsAfter, long nodesBefore, long nodesAfter, List<NamespaceGrowth> namespaces) {
    public InventoryDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
        namespaces = List.copyOf(namespaces);
    }

    /**
     * Services and endpoints of one namespace before and after.
     *
     * @param namespace       namespace
     * @param servicesBefore  Services, first
     * @param servicesAfter   Services, second
     * @param endpointsBefore ready endpoints, first
     * @param endpointsAfter  ready endpoints, second
     */
    public record NamespaceGrowth(String namespace, long servicesBefore, long servicesAfter, long endpointsBefore,
                                  long endpointsAfter) {
    }

    /** Compares two inventories. */
    public static InventoryDiff compare(ClusterInventory before, ClusterInventory after) {
        Map<String, ServiceInfo> a = byKey(before);
        Map<String, ServiceInfo> b = byKey(after);
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (String k : new TreeSet<>(b.keySet())) {
            ServiceInfo old = a.get(k);
            if (old == null) {
                added.add(k);
            } else if (!old.equals(b.get(k))) {
                changed.add(k);
            }
        }
        for (String k : new TreeSet<>(a.keySet())) {
            if (!b.containsKey(k)) {
                removed.add(k);
            }
        }
        Map<String, Integer> epA = ReadyEndpoints.byService(before);
        Map<String, Integer> epB = ReadyEndpoints.byService(after);
        Map<String, long[]> ns = new TreeMap<>();
        long endpointsA = tally(before, epA, ns, 0);
        long endpointsB = tally(after, epB, ns, 1);
        List<NamespaceGrowth> growth = new ArrayList<>();
        ns.forEach((k, v) -> growth.add(new NamespaceGrowth(k, v[0], v[1], v[2], v[3])));
        return new InventoryDiff(before.services().size(), after.services().size(), added, removed, changed,
                endpointsA, endpointsB, nodePorts(before), nodePorts(after), before.nodes().size(),
                after.nodes().size(), growth);
    }

    private static long tally(ClusterInventory inv, Map<String, Integer> eps, Map<String, long[]> ns, int side) {
        long total = 0;
        for (ServiceInfo s : inv.services()) {
            long[] v = ns.computeIfAbsent(s.namespace(), k -> new long[4]);
            v[side]++;
            int e = eps.getOrDefault(s.key(), 0);
            v[2 + side] += e;
            total += e;
        }
        return total;
    }

    private static Map<String, ServiceInfo> byKey(ClusterInventory inv) {
        Map<String, ServiceInfo> m = new HashMap<>();
        for (ServiceInfo s : inv.services()) {
            m.put(s.key(), s);
        }
        return m;
    }

    private static long nodePorts(ClusterInventory inv) {
        long n = 0;
        for (ServiceInfo s : inv.services()) {
            if (s.type().hasNodePorts()) {
                for (ServicePortInfo p : s.ports()) {
                    if (p.nodePort() > 0) {
                        n++;
                    }
                }
            }
        }
        return n;
    }
}
