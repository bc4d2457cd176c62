package dev.kpp.app.cli;

import dev.kpp.app.text.InputParser;
import dev.kpp.model.advice.Advisor;
import dev.kpp.model.advice.Growth;
import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.plan.Budgets;
import dev.kpp.model.plan.MetricCatalog;
import dev.kpp.model.units.InvalidValueException;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/** The advisor's flags, shared by {@code recommend}, {@code predict} and {@code report}. */
public final class AdviceOptions {
    @Option(names = "--budget", paramLabel = "LIMITS",
            description = "Budgets: cpu=0.25,sync=1s,full-sync=5s,cold-start=60s,latency=1ms,conntrack=75%,"
                    + "rules=1000 (default: sync=1s,cpu=0.25,latency=1ms).")
    String budget;

    @Option(names = "--growth", paramLabel = "RATE",
            description = "How fast Services grow: 150/month (linear) or 5%/month (compound); gives dates.")
    String growth;

    @Option(names = "--horizon", paramLabel = "MONTHS", defaultValue = "12",
            description = "Months ahead the budgets must hold, with --growth (default ${DEFAULT-VALUE}).")
    String horizon;

    @Option(names = "--current-mode", paramLabel = "MODE",
            description = "The mode kube-proxy runs today, for a scenario without an inventory: iptables, ipvs, "
                    + "nftables or unset (default: unset, which means iptables).")
    String currentMode;

    @Option(names = "--sensitivity", paramLabel = "SHARE", defaultValue = "50%",
            description = "How far each input is lowered and raised for the sensitivity tornado (default "
                    + "${DEFAULT-VALUE}).")
    String sensitivity;

    /** @return the budgets given, or the defaults */
    Budgets budgets() {
        return budget == null ? MetricCatalog.defaultBudgets() : InputParser.budgets(budget);
    }

    /** @return the mode given with --current-mode (empty for unset) */
    Optional<ProxyMode> currentMode() {
        if (currentMode == null || currentMode.equalsIgnoreCase("unset")) {
            return Optional.empty();
        }
        try {
            ProxyMode m = ProxyMode.fromId(currentMode.toLowerCase(Locale.ROOT));
            if (m == ProxyMode.EBPF) {
                throw InvalidValueException.of("currentMode", InvalidValueException.Code.UNKNOWN_NAME, currentMode);
            }
            return Optional.of(m);
        } catch (IllegalArgumentException e) {
            throw InvalidValueException.of("currentMode", InvalidValueException.Code.UNKNOWN_NAME, currentMode);
        }
    }

    /** @return the advisor's options */
    Advisor.Options options(Clock clock) {
        Optional<Growth> g = growth == null ? Optional.empty() : Optional.of(InputParser.growth(growth));
        double months = InputParser.number(horizon, "horizon");
        double share = InputParser.share(sensitivity, "sensitivity");
        return new Advisor.Options(g, months, LocalDate.now(clock), share, true);
    }
}
