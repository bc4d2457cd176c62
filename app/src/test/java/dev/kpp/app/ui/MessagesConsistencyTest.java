package dev.kpp.app.ui;

import dev.kpp.app.ui.scenario.ScenarioFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every key the window uses exists in the base bundle, and every key of the window's namespaces is
 * used (JabRef/Cryptomator's consistency test, STYLE.md section 5).
 */
class MessagesConsistencyTest {
    private static final Path MAIN = Path.of("src/main");
    /** The namespaces owned by the window; other keys (CLI, reports) are checked elsewhere. */
    private static final List<String> UI_PREFIXES = List.of("menu.", "toolbar.", "tab.", "drop.", "status.",
            "dialog.", "help.", "inventory.", "scenario.", "results.", "metric.", "calibration.", "connect.",
            "export.");
    private static final Pattern JAVA_KEY = Pattern.compile("\"((?:" + String.join("|",
            UI_PREFIXES.stream().map(p -> Pattern.quote(p)).toList()) + ")[A-Za-z0-9._]+)\"");
    private static final Pattern FXML_KEY = Pattern.compile("\"%([A-Za-z0-9._]+)\"");

    @Test
    void everyUsedKeyExistsAndEveryWindowKeyIsUsed() throws IOException {
        Properties bundle = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/dev/kpp/app/l10n/messages.properties")) {
            bundle.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Set<String> used = new HashSet<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".fxml")) {
                    collect(FXML_KEY, Files.readString(f), used);
                } else if (name.endsWith(".java") && (f.toString().contains("/ui/") || name.equals("AppContext.java"))) {
                    collect(JAVA_KEY, Files.readString(f), used);
                }
            }
        }
        // keys built from an input's id (literal in one place each: InputField, ChoiceField)
        for (dev.kpp.model.scenario.ScenarioField f : ScenarioFiles.INPUTS) {
            used.add("scenario.input." + f.id() + ".label");
            used.add("scenario.input." + f.id() + ".tooltip");
            if (f.kind() != dev.kpp.model.scenario.ScenarioField.Kind.VERSION) {
                used.add("scenario.input." + f.id() + ".unit");
            }
        }
        // wording of shared code the window relies on (dev.kpp.app.text.Texts, the composition root)
        used.add("reason.low");
        used.add("reason.unspecified");
        used.add("reason.assumed-connection-lifetime");
        for (dev.kpp.model.units.Unit u : dev.kpp.model.units.Unit.values()) {
            used.add(dev.kpp.app.text.Keys.unitSymbol(u));
        }
        // every code of the model and the importer has its wording (dev.kpp.app.text.Keys)
        for (dev.kpp.model.plan.Metric m : dev.kpp.model.plan.Metric.values()) {
            used.add(dev.kpp.app.text.Keys.metricLabel(m));
            used.add(dev.kpp.app.text.Keys.metricShort(m));
            used.add(dev.kpp.app.text.Keys.metricTooltip(m));
        }
        for (dev.kpp.model.plan.PlanWarning.Code c : dev.kpp.model.plan.PlanWarning.Code.values()) {
            used.add(dev.kpp.app.text.Keys.warning(c));
        }
        for (dev.kpp.model.plan.Assumption.Code c : dev.kpp.model.plan.Assumption.Code.values()) {
            used.add(dev.kpp.app.text.Keys.assumption(c));
        }
        for (dev.kpp.model.plan.InventorySummary.Note n : dev.kpp.model.plan.InventorySummary.Note.values()) {
            used.add(dev.kpp.app.text.Keys.note(n));
        }
        for (dev.kpp.model.units.InvalidValueException.Code c : dev.kpp.model.units.InvalidValueException.Code.values()) {
            used.add(dev.kpp.app.text.Keys.invalid(c));
        }
        for (dev.kpp.model.scenario.ScenarioField f : dev.kpp.model.scenario.ScenarioField.values()) {
            used.add(dev.kpp.app.text.Keys.field(f));
        }
        for (dev.kpp.model.units.Unit u : dev.kpp.model.units.Unit.values()) {
            used.add(dev.kpp.app.text.Keys.unit(u));
        }
        for (dev.kpp.model.inventory.ProxyMode m : dev.kpp.model.inventory.ProxyMode.values()) {
            used.add(dev.kpp.app.text.Keys.mode(m));
        }
        for (dev.kpp.model.advice.Finding.Code c : dev.kpp.model.advice.Finding.Code.values()) {
            used.add(dev.kpp.app.text.Keys.finding(c));
        }
        used.add(dev.kpp.app.text.Keys.finding(dev.kpp.model.advice.Finding.Code.LOCALHOST_NODEPORTS) + ".unobserved");
        for (dev.kpp.model.advice.Check.Code c : dev.kpp.model.advice.Check.Code.values()) {
            used.add(dev.kpp.app.text.Keys.check(c));
        }
        for (dev.kpp.model.advice.Check.Status c : dev.kpp.model.advice.Check.Status.values()) {
            used.add(dev.kpp.app.text.Keys.checkStatus(c));
        }
        for (dev.kpp.model.advice.MigrationPlan.StepCode c : dev.kpp.model.advice.MigrationPlan.StepCode.values()) {
            used.add(dev.kpp.app.text.Keys.step(c));
        }
        for (dev.kpp.model.advice.Recommendation.Certainty c : dev.kpp.model.advice.Recommendation.Certainty.values()) {
            used.add(dev.kpp.app.text.Keys.certainty(c));
        }
        for (dev.kpp.model.advice.Recommendation.Action c : dev.kpp.model.advice.Recommendation.Action.values()) {
            used.add(dev.kpp.app.text.Keys.action(c));
        }
        for (dev.kpp.model.advice.Finding.Severity c : dev.kpp.model.advice.Finding.Severity.values()) {
            used.add(dev.kpp.app.text.Keys.severity(c));
        }
        for (String b : List.of("prediction-high", "budget", "any", "sync-period", "kube-proxy-warning")) {
            used.add(dev.kpp.app.text.Keys.monitorBasis(b));
        }
        for (String st : List.of("none", "alpha", "beta", "ga")) {
            used.add("advice.stage." + st);
        }
        used.removeIf(k -> k.endsWith("."));
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(bundle.stringPropertyNames());
        assertThat(missing).as("keys used but missing from messages.properties").isEmpty();

        Set<String> unused = new TreeSet<>();
        for (String k : bundle.stringPropertyNames()) {
            if (UI_PREFIXES.stream().anyMatch(k::startsWith) && !used.contains(k)) {
                unused.add(k);
            }
        }
        assertThat(unused).as("window keys never used").isEmpty();
    }

    /** A window text without parameters is shown as written, so a doubled quote would show as two. */
    @Test
    void textsWithoutParametersHaveNoDoubledQuotes() throws IOException {
        Properties bundle = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/dev/kpp/app/l10n/messages.properties")) {
            bundle.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Set<String> doubled = new TreeSet<>();
        for (String k : bundle.stringPropertyNames()) {
            String v = bundle.getProperty(k);
            if (UI_PREFIXES.stream().anyMatch(k::startsWith) && !v.matches("(?s).*\\{\\d+\\}.*")
                    && v.contains("''")) {
                doubled.add(k);
            }
        }
        assertThat(doubled).as("texts shown raw with a doubled quote").isEmpty();
    }

    private static void collect(Pattern p, String text, Set<String> out) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
    }
}
