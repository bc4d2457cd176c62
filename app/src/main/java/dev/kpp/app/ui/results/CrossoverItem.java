package dev.kpp.app.ui.results;

/**
 * A crossover as the Crossovers panel lists it.
 *
 * @param metricLabel the metric's label
 * @param text        the sentence, e.g. "iptables exceeds the 1 s budget at 1,420 Services"
 * @param budget      true for a budget crossing
 */
public record CrossoverItem(String metricLabel, String text, boolean budget) {
}
