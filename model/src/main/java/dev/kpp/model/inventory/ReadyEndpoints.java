package dev.kpp.model.inventory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Ready endpoints per Service, counted as kube-proxy programs them. */
public final class ReadyEndpoints {
    private ReadyEndpoints() {
    }

    /**
     * @param inv the inventory
     * @return distinct ready addresses per Service key (namespace/name), over the Service's slices of its
     *         primary address family; Services without any are absent
     */
    public static Map<String, Integer> byService(ClusterInventory inv) {
        Map<String, ServiceInfo> services = new HashMap<>();
        for (ServiceInfo s : inv.services()) {
            services.put(s.key(), s);
        }
        Map<String, Set<String>> sets = new HashMap<>();
        for (EndpointSliceInfo sl : inv.endpointSlices()) {
            ServiceInfo svc = services.get(sl.serviceKey());
            AddressType family = svc != null && svc.primaryClusterIP().contains(":") ? AddressType.IPV6
                    : AddressType.IPV4;
            if (sl.addressType() != family) {
                continue;
            }
            for (EndpointInfo e : sl.endpoints()) {
                if (e.ready() && !e.addresses().isEmpty()) {
                    sets.computeIfAbsent(sl.serviceKey(), k -> new HashSet<>()).add(e.addresses().get(0));
                }
            }
        }
        Map<String, Integer> out = new HashMap<>();
        sets.forEach((k, v) -> out.put(k, v.size()));
        return out;
    }
}
