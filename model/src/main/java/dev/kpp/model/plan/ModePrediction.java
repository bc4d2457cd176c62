package dev.kpp.model.plan;

import dev.kpp.model.cost.ModeCosts;
import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.rules.ModeStructure;

/**
 * Everything predicted for one proxy mode.
 *
 * @param mode      the mode
 * @param structure rules, objects and per-connection evaluations
 * @param costs     calibrated sync time, CPU, latency and conntrack
 */
public record ModePrediction(ProxyMode mode, ModeStructure structure, ModeCosts costs) {
}
