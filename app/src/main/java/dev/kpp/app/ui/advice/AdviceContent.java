package dev.kpp.app.ui.advice;

import dev.kpp.app.ui.chart.PlotData;
import dev.kpp.app.ui.chart.TornadoData;
import dev.kpp.model.inventory.ProxyMode;

import java.util.List;

/**
 * What the Advice panel shows for one recommendation, every text already worded by the formatters the
 * CLI uses ({@code Texts}, {@code RecommendationFormats}). Pure data: the view only lays it out.
 *
 * @param headline      "Switch from iptables to nftables"
 * @param switching     true when the headline says to switch
 * @param certainty     "Certainty: low"
 * @param certaintyTone how the certainty looks
 * @param summary       scenario, budgets and compatibility table, one line each
 * @param reasons       why
 * @param ranking       every mode, best first
 * @param risks         what can break, most severe first
 * @param checks        the compatibility and lifecycle checks
 * @param crossings     the crossings and their dates, as sentences
 * @param growth        Services over time with the crossings marked by date, or null without a growth rate
 * @param growthNote    why there is no growth chart, or what it leaves out ("" when nothing)
 * @param tornado       the sensitivity tornado, or null when no input moves a budgeted figure
 * @param sensitivity   what the tornado shows
 * @param flips         where the recommendation changes
 * @param migration     how to switch (or pin the mode), or null when there is nothing to do
 */
public record AdviceContent(String headline, boolean switching, String certainty, Tone certaintyTone,
                            List<String> summary, List<String> reasons,
                            List<Ranked> ranking, List<Risk> risks, List<CheckRow> checks, List<String> crossings,
                            PlotData growth, String growthNote, TornadoData tornado, String sensitivity,
                            List<String> flips, Migration migration) {
    public AdviceContent {
        summary = List.copyOf(summary);
        reasons = List.copyOf(reasons);
        ranking = List.copyOf(ranking);
        risks = List.copyOf(risks);
        checks = List.copyOf(checks);
        crossings = List.copyOf(crossings);
        flips = List.copyOf(flips);
    }

    /** How a pill or badge looks: neutral, fine (met, high), caution (caveat, medium), severe (blocked, high risk). */
    public enum Tone {
        NEUTRAL, FINE, CAUTION, SEVERE
    }

    /**
     * A small label with a tone.
     *
     * @param text the text
     * @param tone how it looks
     */
    public record Badge(String text, Tone tone) {
    }

    /**
     * One mode of the ranking.
     *
     * @param mode         the mode
     * @param name         its name
     * @param score        its score, formatted
     * @param fraction     its score as a share of 100 (the bar)
     * @param recommended  the recommended mode
     * @param badges       recommended, current, for comparison, blocked or meets or misses the budgets
     * @param reasons      its reasons
     * @param risks        its risks
     */
    public record Ranked(ProxyMode mode, String name, String score, double fraction, boolean recommended,
                         List<Badge> badges, List<String> reasons, List<Risk> risks) {
        public Ranked {
            badges = List.copyOf(badges);
            reasons = List.copyOf(reasons);
            risks = List.copyOf(risks);
        }
    }

    /**
     * A risk.
     *
     * @param severity the severity's word, with its tone
     * @param message  the sentence (naming the node pools it concerns)
     */
    public record Risk(Badge severity, String message) {
    }

    /**
     * A compatibility check.
     *
     * @param mode        the mode's name
     * @param requirement the requirement, as a sentence
     * @param status      met, caveat, not met, check on the nodes; with its tone
     */
    public record CheckRow(String mode, String requirement, Badge status) {
    }

    /**
     * A step of the migration plan.
     *
     * @param text     what to do
     * @param commands the commands that do it
     */
    public record Step(String text, List<String> commands) {
        public Step {
            commands = List.copyOf(commands);
        }
    }

    /**
     * A monitoring threshold.
     *
     * @param metric    the PromQL expression
     * @param threshold the value that alerts, in its unit
     * @param basis     why that value
     */
    public record Monitor(String metric, String threshold, String basis) {
    }

    /**
     * The migration plan.
     *
     * @param title         "Migration plan: iptables to nftables"
     * @param prerequisites before you start
     * @param configDiff    the kube-proxy ConfigMap change, as diff lines
     * @param rollout       the rollout
     * @param verify        what to verify
     * @param rollback      how to roll back
     * @param monitoring    what to alert on
     */
    public record Migration(String title, List<Step> prerequisites, List<String> configDiff, List<Step> rollout,
                            List<Step> verify, List<Step> rollback, List<Monitor> monitoring) {
        public Migration {
            prerequisites = List.copyOf(prerequisites);
            configDiff = List.copyOf(configDiff);
            rollout = List.copyOf(rollout);
            verify = List.copyOf(verify);
            rollback = List.copyOf(rollback);
            monitoring = List.copyOf(monitoring);
        }
    }
}
