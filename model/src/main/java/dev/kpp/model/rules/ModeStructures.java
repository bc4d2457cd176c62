package dev.kpp.model.rules;

import java.util.List;

/** The structure of every proxy mode for one workload: the one entry point to the structural models. */
public final class ModeStructures {
    private ModeStructures() {
    }

    /**
     * @param workload Service ports grouped by shape
     * @param options  kube-proxy settings that change the layout
     * @return the structure of every mode, in {@link dev.kpp.model.inventory.ProxyMode} order
     */
    public static List<ModeStructure> compute(Workload workload, StructureOptions options) {
        return List.of(IptablesStructure.compute(workload, options), IpvsStructure.compute(workload, options),
                NftablesStructure.compute(workload, options), EbpfStructure.compute(workload, options));
    }
}
