package dev.kpp.model.cost;

import dev.kpp.model.units.KernelVersion;

/**
 * Which kernels carry the 2024 nf_tables transaction optimisations kube-proxy's nftables mode depends on at
 * scale. kubernetes/kubernetes#130119 credits them for the gap between kernels ("thanks to Florian Westphal, some
 * kernel optimizations were done", patchwork netfilter-devel 20240710085835.1957-1-fw@strlen.de and netdevbpf
 * 20240711093948.3816-3-pablo@netfilter.org, July 2024); they first shipped in Linux 6.12 (November 2024). The
 * dataset's runs on 6.1.144 and 6.8 are before, 6.12.46 after (NEW-007..017, NEW-031..033). The size of the
 * difference is fitted ({@code k_6_12} in sync-nftables), not typed in.
 */
public final class NftablesKernels {
    /** First kernel with the optimisations. */
    public static final KernelVersion FIRST_FAST = new KernelVersion(6, 12, 0);

    private NftablesKernels() {
    }

    /** @return true when the kernel has the optimised transaction path */
    public static boolean fastTransactions(KernelVersion k) {
        return k.compareTo(FIRST_FAST) >= 0;
    }
}
