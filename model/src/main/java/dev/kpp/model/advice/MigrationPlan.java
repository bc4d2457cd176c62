package dev.kpp.model.advice;

import dev.kpp.model.inventory.ProxyMode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to move from one mode to another (or pin an implicit default): prerequisite checks, the
 * kube-proxy ConfigMap change as a diff, the rollout, what to verify, how to roll back and what to
 * monitor, with thresholds derived from the predictions. Commands and the diff are literal text (shell
 * and YAML); descriptions are codes.
 *
 * @param from          the mode today
 * @param to            the mode after
 * @param prerequisites checks to run first
 * @param configDiff    the ConfigMap change, unified-diff style, one line per element
 * @param rollout       the rollout steps
 * @param verify        what to verify after the rollout
 * @param rollback      how to go back
 * @param monitoring    what to watch afterwards, with thresholds
 */
public record MigrationPlan(ProxyMode from, ProxyMode to, List<Step> prerequisites, List<String> configDiff,
                            List<Step> rollout, List<Step> verify, List<Step> rollback, List<Monitor> monitoring) {
    public MigrationPlan {
        prerequisites = List.copyOf(prerequisites);
        configDiff = List.copyOf(configDiff);
        rollout = List.copyOf(rollout);
        verify = List.copyOf(verify);
        rollback = List.copyOf(rollback);
        monitoring = List.copyOf(monitoring);
    }

    /** The kinds of steps. */
    public enum StepCode {
        KERNEL_ON_ALL_NODES, NFT_TOOL, IPVS_MODULES, LOCALHOST_NODEPORTS_UNUSED, BACKUP_CONFIG, EDIT_CONFIG,
        PIN_MODE, RESTART_KUBE_PROXY, WAIT_FOR_ROLLOUT, CHECK_LOGS, CHECK_SYNC_DURATION,
        CHECK_PROGRAMMING_LATENCY, CHECK_RULES, RESTORE_CONFIG, RESTART_AGAIN, CONFIRM_OLD_RULES_GONE,
        INSTALL_CNI_REPLACEMENT
    }

    /**
     * One step.
     *
     * @param code     what the step does
     * @param params   its numbers (predicted values, versions, counts), in message order
     * @param commands the commands to run, literally
     */
    public record Step(StepCode code, Map<String, Object> params, List<String> commands) {
        public Step {
            params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
            commands = List.copyOf(commands);
        }
    }

    /**
     * One thing to monitor after the change.
     *
     * @param metric    the Prometheus series (or expression)
     * @param threshold alert above this value
     * @param unit      the threshold's unit ({@code seconds}, {@code ratio}, {@code count})
     * @param basis     what the threshold comes from: {@code prediction-high}, {@code budget}, {@code any}
     */
    public record Monitor(String metric, double threshold, String unit, String basis) {
    }
}
