package dev.kpp.importer;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/import.md's problem-code table lists exactly the codes the importer emits. */
class ProblemCodesDocumentedTest {
    /** A code as the first argument of a problem or warning factory (possibly on the next line). */
    private static final Pattern EMITTED = Pattern.compile(
            "(?:ImportProblem\\.(?:error|warning)|\\bw\\.add|\\bwarn)\\(\\s*\"([a-z][a-z0-9-]*)\"");
    /** Two codes chosen by a condition: {@code error(yaml ? "malformed-yaml" : "malformed-json", ...)}. */
    private static final Pattern CHOSEN = Pattern.compile(
            "ImportProblem\\.(?:error|warning)\\(\\s*\\w+\\s*\\?\\s*\"([a-z][a-z0-9-]*)\"\\s*:\\s*\"([a-z][a-z0-9-]*)\"");
    private static final Pattern CODE = Pattern.compile("`([a-z][a-z0-9-]*)`");

    @Test
    void everyEmittedCodeIsInTheTableAndEveryTabledCodeIsEmitted() throws IOException {
        Set<String> emitted = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f);
                Matcher m = EMITTED.matcher(text);
                while (m.find()) {
                    emitted.add(m.group(1));
                }
                Matcher c = CHOSEN.matcher(text);
                while (c.find()) {
                    emitted.add(c.group(1));
                    emitted.add(c.group(2));
                }
            }
        }
        String doc = Files.readString(Path.of("../docs/import.md"));
        int start = doc.indexOf("| Code | Severity | When | Location |");
        assertThat(start).as("the problem table in docs/import.md").isPositive();
        String table = doc.substring(start, doc.indexOf("\n\n", start));
        Set<String> documented = new TreeSet<>();
        for (String row : table.split("\n")) {
            String first = row.split("\\|", -1).length > 1 ? row.split("\\|", -1)[1] : "";
            Matcher m = CODE.matcher(first);
            while (m.find()) {
                documented.add(m.group(1));
            }
        }
        assertThat(emitted).as("codes the importer emits").hasSizeGreaterThan(30);
        assertThat(documented).isEqualTo(emitted);
    }
}
