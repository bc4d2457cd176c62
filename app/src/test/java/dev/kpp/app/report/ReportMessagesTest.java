package dev.kpp.app.report;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every {@code report.*} key the report code names exists, and every one in the bundle is used. */
class ReportMessagesTest {
    private static final Pattern KEY = Pattern.compile("\"(report\\.[A-Za-z0-9.]+)\"");

    @Test
    void reportKeysExistAndAreUsed() throws IOException {
        Properties bundle = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/dev/kpp/app/l10n/messages.properties")) {
            bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Set<String> used = new HashSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/kpp/app"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = KEY.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        used.removeIf(k -> k.endsWith("."));
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(bundle.stringPropertyNames());
        assertThat(missing).as("report keys used but missing").isEmpty();
        Set<String> unused = new TreeSet<>();
        for (String k : bundle.stringPropertyNames()) {
            if (k.startsWith("report.") && !k.startsWith("report.glossary.") && !used.contains(k)) {
                unused.add(k);
            }
        }
        assertThat(unused).as("report keys never used").isEmpty();
        for (int i = 1; bundle.containsKey("report.glossary." + i + ".term"); i++) {
            assertThat(bundle).containsKey("report.glossary." + i + ".text");
        }
    }
}
