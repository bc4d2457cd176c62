package dev.kpp.app.ui.inventory;

import dev.kpp.importer.OfflineImporter;
import dev.kpp.importer.spi.ImportProblem;
import dev.kpp.importer.spi.ImportResult;
import dev.kpp.importer.spi.ProgressListener;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Binds the {@code import} module's {@link OfflineImporter} (kubectl dumps, snapshots, metrics and
 * rule dumps) to the planner window. Registered through {@code META-INF/services}.
 */
public final class OfflineInventoryImportService implements InventoryImportService {
    private final OfflineImporter importer;

    /** Uses the system clock. */
    public OfflineInventoryImportService() {
        this(new OfflineImporter());
    }

    /** @param importer the importer to use */
    public OfflineInventoryImportService(OfflineImporter importer) {
        this.importer = importer;
    }

    @Override
    public ImportOutcome importPaths(List<Path> paths, ProgressSink progress, BooleanSupplier cancelled)
            throws ImportFailedException {
        ProgressListener listener = new ProgressListener() {
            private long done;
            private long total = -1;
            private String item = "";

            @Override
            public void progress(long workDone, long totalWork, String messageKey, String detail) {
                done = workDone;
                total = totalWork;
                int slash = Math.max(detail.lastIndexOf('/'), detail.lastIndexOf('\\'));
                item = slash >= 0 ? detail.substring(slash + 1) : detail;
            }

            @Override
            public void counts(long services, long endpointSlices, long nodes) {
                progress.report(new ImportProgress(done, total, item, services, endpointSlices, nodes));
            }
        };
        ImportResult r = importer.importPaths(paths, listener, cancelled::getAsBoolean);
        if (r.cancelled()) {
            throw new CancellationException();
        }
        List<ImportIssue> issues = new ArrayList<>();
        for (ImportProblem p : r.problems()) {
            String what = p.code().replace('-', ' ');
            issues.add(new ImportIssue(p.source().isEmpty() ? null : Path.of(p.source().split("!/")[0]),
                    location(p.location()), p.detail().isEmpty() ? what : what + ": " + p.detail()));
        }
        if (r.sources().isEmpty()) {
            throw new ImportFailedException(issues);
        }
        return new ImportOutcome(r.inventory(), issues);
    }

    /** "12:5" becomes "line 12, column 5"; JSON paths and empty locations are kept as they are. */
    static String location(String loc) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+):(\\d+)").matcher(loc);
        return m.matches() ? "line " + m.group(1) + ", column " + m.group(2) : loc;
    }
}
