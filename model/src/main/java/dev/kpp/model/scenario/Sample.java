package dev.kpp.model.scenario;

/**
 * A built-in scenario.
 *
 * @param name        identifier used on the command line
 * @param title       one-line description
 * @param source      where the numbers come from
 * @param params      the inputs
 */
public record Sample(String name, String title, String source, ScenarioParams params) {
}
