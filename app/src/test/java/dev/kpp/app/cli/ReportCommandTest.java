package dev.kpp.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kpp.app.report.pdf.PdfReportWriter;
import dev.kpp.app.text.AppInfo;
import dev.kpp.app.text.Numbers;
import dev.kpp.app.text.Texts;
import dev.kpp.importer.Importers;
import dev.kpp.model.calibration.Calibration;
import dev.kpp.model.cost.Estimate;
import dev.kpp.model.units.Unit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kpp report}: golden Markdown, CSV and JSON (fixed clock, German default locale), the PDF's
 * text against the JSON's numbers, the attached input reproducing the report, redaction, and failed
 * writes.
 */
class ReportCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path GOLDEN = Path.of("src/test/resources/golden/report");
    private static final String INPUT = "src/test/resources/golden/input/cluster.json";
    private Locale saved;

    @TempDir
    Path dir;

    @BeforeEach
    void germanLocale() {
        saved = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(saved);
    }

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        CliContext context = new CliContext(Calibration::embedded,
                new Importers(List.of(new dev.kpp.importer.OfflineImporter(clock))), Texts.english(), clock);
        int code = Cli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), context, false)
                .execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private Run report(String... args) {
        Run r = run(args);
        assertThat(r.code()).as(r.err()).isZero();
        return r;
    }

    private static String[] concat(String[] a, String... b) {
        List<String> l = new ArrayList<>(List.of(a));
        l.addAll(List.of(b));
        return l.toArray(String[]::new);
    }

    static String pdfText(Path pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(d).replaceAll("[\\s\\u00a0]+", " ");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "report-tigera-10k.md | report-tigera-10k-charts/growth-cpuCores.svg | --sample tigera-10k",
        "report-tigera-10k.csv | report-tigera-10k-sweep.csv | --sample tigera-10k",
        "report-tigera-10k.json | | --sample tigera-10k",
        "report-inventory.md | | --inventory " + INPUT + " --growth 5%/month --title Quarterly review"})
    void outputMatchesTheGoldenFiles(String file, String beside, String args) throws IOException {
        List<String> a = new ArrayList<>(List.of("report"));
        a.addAll(List.of(args.trim().split("\\s+(?=--)")).stream().flatMap(s -> {
            int sp = s.indexOf(' ');
            return sp < 0 ? java.util.stream.Stream.of(s) : java.util.stream.Stream.of(s.substring(0, sp),
                    s.substring(sp + 1));
        }).toList());
        a.addAll(List.of("-o", dir.resolve(file).toString()));
        report(a.toArray(String[]::new));
        golden(file);
        if (beside != null && !beside.isBlank()) {
            golden(beside.trim());
        }
    }

    private void golden(String file) throws IOException {
        String actual = Files.readString(dir.resolve(file), StandardCharsets.UTF_8).replace("\r\n", "\n")
                .replace(AppInfo.version(), "VERSION");
        Path golden = GOLDEN.resolve(file);
        if (Boolean.getBoolean("golden.update") || !Files.exists(golden)) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).as(file).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    @Test
    void markdownCsvAndJsonAreTheSameOnEveryRun() throws IOException {
        for (String ext : List.of("md", "csv", "json")) {
            report("report", "--sample", "growth-4k", "--growth", "150/month", "-o", dir.resolve("a." + ext).toString());
            report("report", "--sample", "growth-4k", "--growth", "150/month", "-o", dir.resolve("b." + ext).toString());
            assertThat(Files.readString(dir.resolve("b." + ext)).replace("b-charts", "a-charts"))
                    .isEqualTo(Files.readString(dir.resolve("a." + ext)));
        }
        assertThat(Files.readString(dir.resolve("b-charts/sensitivity.svg")))
                .isEqualTo(Files.readString(dir.resolve("a-charts/sensitivity.svg")));
    }

    @Test
    void thePdfShowsEveryHeadlineNumberOfTheJsonFormattedTheSameWay() throws IOException {
        for (String[] scenario : List.of(new String[] {"--sample", "tigera-10k"},
                new String[] {"--sample", "growth-4k", "--growth", "150/month"},
                new String[] {"--inventory", INPUT, "--services", "500"})) {
            Path json = dir.resolve("r.json");
            Path pdf = dir.resolve("r.pdf");
            report(concat(concat(new String[] {"report"}, scenario), "-o", json.toString()));
            Run r = report(concat(concat(new String[] {"report"}, scenario), "-o", pdf.toString()));
            assertThat(r.err()).contains("pages");
            String text = pdfText(pdf);
            JsonNode head = JSON.readTree(json.toFile()).path("report").path("headline");
            assertThat(head.size()).isEqualTo(4 * 6);
            for (JsonNode h : head) {
                Unit unit = Unit.valueOf(h.path("unit").asText().toUpperCase(Locale.ROOT));
                Estimate e = new Estimate(h.path("value").asDouble(), h.path("low").asDouble(),
                        h.path("high").asDouble(), Estimate.Confidence.valueOf(h.path("confidence").asText()
                        .toUpperCase(Locale.ROOT)), h.path("reason").asText(""), List.of());
                String value = Numbers.format(e, unit);
                assertThat(h.path("text").asText()).isEqualTo(Numbers.band(e, unit));
                assertThat(text).as(h.toString()).contains(value);
                String range = Numbers.shownRange(e, unit);
                if (!range.isEmpty()) {
                    assertThat(text).as(h.toString()).contains(range);
                }
            }
            JsonNode rec = JSON.readTree(json.toFile()).path("recommendation");
            assertThat(text).contains(rec.path("headline").asText());
            for (JsonNode f : rec.path("reasons")) {
                assertThat(text).contains(f.path("message").asText().replaceAll("\\s+", " "));
            }
        }
    }

    @Test
    void thePdfIsMultiPageWithOutlineMetadataAndNoRasterImages() throws IOException {
        Path pdf = dir.resolve("report.pdf");
        report("report", "--sample", "tigera-10k", "-o", pdf.toString());
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            assertThat(d.getNumberOfPages()).isGreaterThan(10);
            assertThat(d.getDocumentCatalog().getDocumentOutline().children()).hasSizeGreaterThanOrEqualTo(12);
            assertThat(d.getDocumentInformation().getTitle()).contains("kube-proxy mode review", "tigera-10k");
            assertThat(d.getDocumentInformation().getCreationDate().toInstant())
                    .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
            for (var page : d.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    assertThat(page.getResources().isImageXObject(name)).as("raster image on a page").isFalse();
                }
            }
            // the contents page links to the sections
            assertThat(d.getPage(1).getAnnotations()).hasSizeGreaterThan(12);
        }
        String text = pdfText(pdf);
        assertThat(text).contains("Contents", "Executive summary", "Page 3 of", "Appendix C: glossary",
                "CPU per node as the cluster grows", "today: 10,000 Services");
    }

    @Test
    void theAttachedInputReproducesTheReport() throws IOException {
        String[][] cases = {{"--sample", "growth-4k", "--growth", "150/month", "--budget", "cpu=0.25,sync=1s",
            "--title", "Growth review"}, {"--inventory", INPUT, "--services", "240", "--growth", "5%/month"}};
        for (String[] scenario : cases) {
            Path pdf = dir.resolve("report.pdf");
            Path direct = dir.resolve("direct.json");
            Path again = dir.resolve("again.json");
            report(concat(concat(new String[] {"report"}, scenario), "-o", pdf.toString()));
            report(concat(concat(new String[] {"report"}, scenario), "-o", direct.toString()));
            report("report", "--from", pdf.toString(), "-o", again.toString());
            JsonNode a = JSON.readTree(direct.toFile());
            JsonNode b = JSON.readTree(again.toFile());
            for (String key : List.of("scenario", "workload", "modes", "addOns", "warnings", "assumptions",
                    "recommendation", "report")) {
                assertThat(b.get(key)).as(key).isEqualTo(a.get(key));
            }
            Map<String, byte[]> files = PdfReportWriter.attachments(pdf);
            assertThat(files).containsKey("kpp-report-input.json");
            assertThat(files.containsKey("inventory.kpp.json")).isEqualTo(scenario[0].equals("--inventory"));
        }
    }

    @Test
    void fromRejectsAFileThatIsNoReportInOneLine() throws IOException {
        Path other = dir.resolve("other.pdf");
        Files.writeString(other, "%PDF-1.7 nonsense");
        Run r = run("report", "--from", other.toString(), "-o", dir.resolve("x.md").toString());
        assertThat(r.code()).isEqualTo(Cli.EXIT_FAILURE);
        assertThat(r.err().strip()).doesNotContain("\n").contains("not a readable PDF");
        Run mixed = run("report", "--from", other.toString(), "--sample", "small", "-o", "x.md");
        assertThat(mixed.code()).isEqualTo(Cli.EXIT_USAGE);
    }

    @Test
    void theFormatComesFromTheExtensionOrTheFlag() throws IOException {
        Path out = dir.resolve("plan.data");
        report("report", "--sample", "small", "--format", "json", "-o", out.toString());
        assertThat(JSON.readTree(out.toFile()).has("recommendation")).isTrue();
        Run r = run("report", "--sample", "small", "-o", dir.resolve("plan.txt").toString());
        assertThat(r.code()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(r.err()).contains("--format");
    }

    @Test
    void anUnwritablePathFailsWithOneLineAndLeavesNothing() throws IOException {
        Path file = dir.resolve("file.txt");
        Files.writeString(file, "not a directory");
        Path target = file.resolve("report.pdf");
        Run r = run("report", "--sample", "small", "-o", target.toString());
        assertThat(r.code()).isEqualTo(Cli.EXIT_FAILURE);
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
        assertThat(r.err()).contains("cannot write " + target).contains("not a directory");
        assertThat(Files.readString(file)).isEqualTo("not a directory");
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("file.txt");
        }
    }

    @Test
    void aRedactedReportLeaksNoNameAddressPathOrHash() throws IOException {
        Path cluster = dir.resolve("acme-payments-prod.json");
        Files.writeString(cluster, LeakFixture.JSON);
        String hash = sha256(cluster);
        for (String ext : List.of("pdf", "md", "json", "csv")) {
            Path out = dir.resolve("shared." + ext);
            report("report", "--inventory", cluster.toString(), "--redact", "-o", out.toString());
            StringBuilder all = new StringBuilder();
            if (ext.equals("pdf")) {
                all.append(pdfText(out));
                for (byte[] f : PdfReportWriter.attachments(out).values()) {
                    all.append(new String(f, StandardCharsets.UTF_8));
                }
                try (PDDocument d = Loader.loadPDF(out.toFile())) {
                    all.append(d.getDocumentInformation().getTitle()).append(d.getDocumentInformation().getSubject());
                }
            } else {
                try (var s = Files.walk(dir)) {
                    for (Path p : s.filter(p -> p.getFileName().toString().startsWith("shared")
                            && Files.isRegularFile(p) && p.toString().endsWith(".svg") || p.equals(out)
                            || p.getFileName().toString().equals("shared-sweep.csv")).toList()) {
                        all.append(Files.readString(p));
                    }
                }
            }
            String text = all.toString();
            for (String secret : LeakFixture.SECRETS) {
                assertThat(text).as(ext + " leaks " + secret).doesNotContain(secret);
            }
            assertThat(text).as(ext + " leaks the file name").doesNotContain("acme-payments-prod")
                    .doesNotContain(dir.toString());
            assertThat(text).as(ext + " leaks the hash").doesNotContain(hash).doesNotContain(hash.substring(0, 16));
            if (!ext.equals("csv")) {
                assertThat(text).contains("redacted");
            }
        }
    }

    private static String sha256(Path p) throws IOException {
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
            StringBuilder sb = new StringBuilder();
            for (byte b : h) {
                sb.append(String.format("%02x", b));
            }
            return sb.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
