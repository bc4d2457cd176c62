package dev.kpp.importer.cluster;

import dev.kpp.importer.codec.Parsers;
import dev.kpp.importer.file.InventoryCollector;
import dev.kpp.importer.file.KubeDumpReader;
import dev.kpp.importer.spi.Cancellation;
import dev.kpp.importer.spi.ClusterSource;
import dev.kpp.importer.spi.ImportCancelledException;
import dev.kpp.importer.spi.ImportProblem;
import dev.kpp.importer.spi.KindProgress;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Lists one kind page by page ({@code limit}/{@code continue}) into its own collector. Each page is
 * read into a fresh collector first and kept only when it was read completely, so a page that is
 * retried after a dropped connection is never counted twice. A 410 Gone on a continue token
 * restarts the list once; a 404 moves to the next API in the chain (EndpointSlice v1, v1beta1,
 * then core/v1 Endpoints); a 403 ends the kind as forbidden and the import carries on.
 */
final class KindLister {
    /** One API that serves a kind. */
    record Api(String kind, String apiVersion, String path) {
    }

    /** What listing produced. */
    static final class Result {
        final String kind;
        InventoryCollector collector = new InventoryCollector(Parsers.YAML);
        final List<ImportProblem> problems = new ArrayList<>();
        ClusterSource.KindOutcome outcome;

        Result(String kind) {
            this.kind = kind;
        }
    }

    private final String kind;
    private final List<Api> chain;
    private final ReadOnlyApi api;
    private final int pageSize;
    private final Cancellation cancel;
    private final Consumer<KindProgress> progress;

    KindLister(String kind, List<Api> chain, ReadOnlyApi api, int pageSize, Cancellation cancel,
               Consumer<KindProgress> progress) {
        this.kind = kind;
        this.chain = List.copyOf(chain);
        this.api = api;
        this.pageSize = pageSize;
        this.cancel = cancel;
        this.progress = progress;
    }

    /**
     * Lists.
     *
     * @throws ClusterFailure for a 401: the credentials do not work, so nothing else will
     */
    Result run() throws ClusterFailure {
        Result r = new Result(kind);
        int restarts = 0;
        int[] retries = {0};
        long bytes = 0;
        for (int a = 0; a < chain.size(); a++) {
            Api current = chain.get(a);
            String token = "";
            int pages = 0;
            long objects = 0;
            long[] pageBytes = {0};
            r.collector = new InventoryCollector(Parsers.YAML);
            while (true) {
                String path = current.path() + "?limit=" + pageSize + (token.isEmpty() ? ""
                        : "&continue=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
                InventoryCollector[] page = new InventoryCollector[1];
                String source = api.server() + current.path() + " (page " + (pages + 1) + ")";
                final int pagesSoFar = pages;
                final long objectsSoFar = objects;
                KubeDumpReader.ListPage lp;
                try {
                    lp = api.get(path, "application/json", body -> {
                        // a fresh collector per attempt: what a failed attempt read is dropped with it
                        page[0] = new InventoryCollector(Parsers.YAML);
                        KubeDumpReader.ListPage l = KubeDumpReader.readList(body, source, current.kind(),
                                current.apiVersion(), page[0], cancel);
                        pageBytes[0] = body instanceof IdleWatchdog.Watched w ? w.bytes() : 0;
                        return l;
                    }, Integer.MAX_VALUE, (attempt, reason) -> {
                        retries[0]++;
                        progress.accept(new KindProgress(kind, KindProgress.Phase.RETRYING, objectsSoFar, pagesSoFar,
                                -1, reason));
                    });
                } catch (ReadOnlyApi.StatusException e) {
                    String where = current.path();
                    if (e.code == 401) {
                        throw new ClusterFailure(ImportProblem.error(ClusterProblems.UNAUTHORIZED, api.server(), where,
                                "the server rejected the credentials (401)" + (e.message.isEmpty() ? ""
                                        : ": " + e.message)));
                    }
                    if (e.code == 403) {
                        r.problems.add(ImportProblem.warning(ClusterProblems.FORBIDDEN, api.server(), where,
                                kind + ": " + (e.message.isEmpty() ? "forbidden (403)" : e.message)));
                        return finish(r, current, ClusterSource.Status.FORBIDDEN, 0, 0, bytes, restarts, retries[0],
                                KindProgress.Phase.FORBIDDEN);
                    }
                    if (e.code == 404 && pages == 0) {
                        if (a + 1 < chain.size()) {
                            r.problems.add(ImportProblem.warning(ClusterProblems.API_MISSING, api.server(), where,
                                    current.apiVersion() + " " + kind + " is not served (404); reading "
                                            + chain.get(a + 1).path() + " instead"));
                            break;
                        }
                        r.problems.add(ImportProblem.warning(ClusterProblems.API_MISSING, api.server(), where,
                                current.apiVersion() + " " + kind + " is not served (404)"));
                        return finish(r, current, ClusterSource.Status.NOT_FOUND, 0, 0, bytes, restarts, retries[0],
                                KindProgress.Phase.NOT_FOUND);
                    }
                    if (e.code == 410 && !token.isEmpty()) {
                        if (restarts == 0) {
                            restarts++;
                            r.problems.add(ImportProblem.warning(ClusterProblems.LIST_RESTARTED, api.server(), where,
                                    kind + ": the continue token expired after " + pages + " page(s) (410 Gone); "
                                            + "listed again from the start"));
                            progress.accept(new KindProgress(kind, KindProgress.Phase.RESTARTING, 0, 0, -1,
                                    "410"));
                            token = "";
                            pages = 0;
                            objects = 0;
                            r.collector = new InventoryCollector(Parsers.YAML);
                            continue;
                        }
                        r.problems.add(ImportProblem.error(ClusterProblems.LIST_EXPIRED, api.server(), where,
                                kind + ": the continue token expired again (410 Gone) after the restart; the list "
                                        + "changes faster than it can be read at this page size (try a larger "
                                        + "--page-size)"));
                        return finish(r, current, ClusterSource.Status.FAILED, objects, pages, bytes, restarts,
                                retries[0], KindProgress.Phase.FAILED);
                    }
                    r.problems.add(ImportProblem.error(ClusterProblems.BAD_RESPONSE, api.server(), where,
                            kind + ": HTTP " + e.code + (e.message.isEmpty() ? "" : ": " + e.message)));
                    return finish(r, current, ClusterSource.Status.FAILED, objects, pages, bytes, restarts,
                            retries[0], KindProgress.Phase.FAILED);
                } catch (ClusterFailure f) {
                    r.problems.add(f.problem());
                    return finish(r, current, ClusterSource.Status.FAILED, objects, pages, bytes, restarts,
                            retries[0], KindProgress.Phase.FAILED);
                } catch (ImportCancelledException e) {
                    // the page being read is dropped: the kind keeps its complete pages
                    return finish(r, current, ClusterSource.Status.CANCELLED, objects, pages, bytes, restarts,
                            retries[0], null);
                }
                r.collector.absorb(page[0]);
                pages++;
                objects += lp.items();
                bytes += pageBytes[0];
                token = lp.continueToken();
                long expected = lp.remainingItemCount() >= 0 ? objects + lp.remainingItemCount()
                        : token.isEmpty() ? objects : -1;
                if (token.isEmpty()) {
                    return finish(r, current, ClusterSource.Status.COMPLETE, objects, pages, bytes, restarts,
                            retries[0], KindProgress.Phase.DONE);
                }
                progress.accept(new KindProgress(kind, KindProgress.Phase.LISTING, objects, pages, expected, ""));
            }
        }
        throw new IllegalStateException("unreachable: the last API of a chain returns");
    }

    private Result finish(Result r, Api api, ClusterSource.Status status, long objects, int pages, long bytes,
                          int restarts, int retries, KindProgress.Phase phase) {
        r.outcome = new ClusterSource.KindOutcome(kind, api.path(), status, objects, pages, bytes, restarts, retries);
        if (phase != null) {
            progress.accept(new KindProgress(kind, phase, objects, pages, phase == KindProgress.Phase.DONE ? objects
                    : -1, ""));
        }
        return r;
    }
}
