package dev.kpp.app.ui.connect;

import dev.kpp.app.AppContext;
import dev.kpp.app.text.Messages;
import dev.kpp.app.ui.chart.ChartImages;
import dev.kpp.app.ui.common.Contexts;
import dev.kpp.app.ui.common.FakeClipboard;
import dev.kpp.app.ui.common.FakeDialogs;
import dev.kpp.app.ui.common.FxTaskRunner;
import dev.kpp.app.ui.common.KeyValue;
import dev.kpp.app.ui.common.WindowTests;
import dev.kpp.app.ui.theme.ThemeManager;
import dev.kpp.importer.Importers;
import dev.kpp.importer.cluster.MiniApiServer;
import dev.kpp.importer.file.DumpGenerator;
import dev.kpp.importer.snapshot.SnapshotCodec;
import dev.kpp.importer.spi.Cancellation;
import dev.kpp.importer.spi.ProgressListener;
import dev.kpp.model.scenario.ScenarioParams;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.kpp.app.ui.common.WindowTests.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * File → Connect to cluster in the real window, against a real local API server ({@link MiniApiServer},
 * the live-import tests' own): a kubeconfig of 301 contexts is listed and filtered as the search box is
 * typed into; connecting loads the cluster's Services and the inventory pane shows context, server and
 * time; Cancel loads nothing; an unreachable server is named with the cause; a forbidden kind is listed
 * and the import completes.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ConnectWindowTest {
    private static final String TOKEN = "kpp-window-test-token-Hq2vN8xL4mK7pR1sT9wY3bC6dF0gZ5jA";
    private static final int SERVICES = 2_000;
    private static Path dir;
    private static Path dump;
    private static MiniApiServer api;
    private static int closedPort;
    private AppContext ctx;
    private FakeDialogs dialogs;
    private Stage stage;

    @BeforeAll
    static void cluster() throws Exception {
        dir = Files.createDirectories(Path.of("target/connect-window"));
        dump = dir.resolve("cluster-2k.json");
        ScenarioParams p = ScenarioParams.defaults().withServices(SERVICES).withEndpointsPerService(4).withNodes(20);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dump))) {
            DumpGenerator.write(p, out, ProgressListener.NONE, Cancellation.NEVER);
        }
        api = serve();
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
    }

    private static MiniApiServer serve() throws Exception {
        MiniApiServer s = MiniApiServer.start().requireToken(TOKEN);
        try (InputStream in = Files.newInputStream(dump)) {
            s.loadDump(in);
        }
        return s;
    }

    @AfterAll
    static void stopServer() {
        api.close();
    }

    /** A kubeconfig of 301 contexts: {@code test} (current) on the server, 300 team contexts elsewhere. */
    private static Path kubeconfig(String server) throws Exception {
        StringBuilder clusters = new StringBuilder();
        StringBuilder contexts = new StringBuilder();
        clusters.append("- name: test-cluster\n  cluster:\n    server: ").append(server).append('\n');
        clusters.append("- name: gone\n  cluster:\n    server: http://127.0.0.1:").append(closedPort).append('\n');
        contexts.append("- name: test\n  context: {cluster: test-cluster, user: test-user, namespace: demo}\n");
        contexts.append("- name: unreachable\n  context: {cluster: gone, user: test-user}\n");
        for (int i = 1; i <= 150; i++) {
            for (String env : List.of("prod", "staging")) {
                if (i == 150 && env.equals("staging")) {
                    continue;
                }
                String n = String.format("team-%03d-%s", i, env);
                clusters.append("- name: ").append(n).append("\n  cluster:\n    server: https://").append(n)
                        .append(".example:6443\n");
                contexts.append("- name: ").append(n).append("\n  context: {cluster: ").append(n)
                        .append(", user: test-user, namespace: team-").append(i).append("}\n");
            }
        }
        Path f = dir.resolve("config-" + server.replaceAll("[^0-9]", ""));
        Files.writeString(f, "apiVersion: v1\nkind: Config\ncurrent-context: test\nclusters:\n" + clusters
                + "users:\n- name: test-user\n  user:\n    token: " + TOKEN + "\ncontexts:\n" + contexts);
        return f;
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        dialogs = new FakeDialogs();
        ctx = Contexts.context(Importers.defaults(), new FxTaskRunner(2), dialogs, new FakeClipboard(),
                new ChartImages(ThemeManager.lightStylesheets()));
        Parent root = ctx.loadMainView();
        Scene scene = new Scene(root, 1600, 1000);
        scene.getStylesheets().setAll(ThemeManager.lightStylesheets());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> List.copyOf(Window.getWindows()).stream().filter(w -> w != stage)
                .forEach(Window::hide));
        ctx.close();
    }

    /** Opens File → Connect to cluster, chooses the kubeconfig and waits for its contexts. */
    private void open(FxRobot robot, Path kubeconfig) throws Exception {
        waitFor(() -> !ctx.results().rows().isEmpty());
        String label = Messages.english().get("menu.file.connect");
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        MenuItem item = bar.getMenus().get(0).getItems().stream().filter(i -> label.equals(i.getText()))
                .findFirst().orElseThrow();
        robot.interact(item::fire);
        waitFor(() -> robot.lookup("#connectSearch").tryQuery().isPresent());
        dialogs.kubeconfig = kubeconfig;
        robot.interact(() -> robot.lookup("#connectChoose").queryAs(Button.class).fire());
        waitFor(() -> ctx.connect().picker().contexts().size() == 301);
    }

    private void choose(FxRobot robot, String search) throws Exception {
        TextField field = robot.lookup("#connectSearch").queryAs(TextField.class);
        robot.interact(() -> field.setText(search));
        waitFor(() -> ctx.connect().picker().selectedProperty().get() != null
                && ctx.connect().picker().selectedProperty().get().name().equals(search));
    }

    @Test
    void theContextsAreListedAndTheSearchBoxFiltersThemAsItIsTypedInto(FxRobot robot) throws Exception {
        open(robot, kubeconfig(api.url()));
        TableView<?> table = robot.lookup("#connectContexts").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(301);
        assertThat(ctx.connect().picker().selectedProperty().get().name()).as("the current context is preselected")
                .isEqualTo("test");
        assertThat(ctx.connect().picker().selectedProperty().get().current()).isTrue();
        assertThat(robot.lookup("#connectKubeconfigNote").queryAs(Label.class).getText()).contains("301 contexts");
        assertThat(ctx.connect().picker().contexts().get(0).auth()).isEqualTo("token");
        assertThat(ctx.connect().picker().contexts().toString()).doesNotContain(TOKEN);

        TextField search = robot.lookup("#connectSearch").queryAs(TextField.class);
        // typed one key at a time: the list follows every keystroke
        for (char c : "team-04".toCharArray()) {
            robot.interact(() -> search.appendText(String.valueOf(c)));
        }
        waitFor(() -> table.getItems().size() == 20);
        assertThat(robot.lookup("#connectShownCount").queryAs(Label.class).getText()).isEqualTo("20 of 301 contexts");
        robot.interact(() -> search.appendText(" prod"));
        waitFor(() -> table.getItems().size() == 10);
        assertThat(table.getItems()).allSatisfy(r -> assertThat(((ContextRow) r).name()).matches("team-04\\d-prod"));
        assertThat(ctx.connect().picker().selectedProperty().get().name()).as("the selection follows the filter")
                .isEqualTo("team-040-prod");
        // the namespace and the server are searched too
        robot.interact(() -> search.setText("149 .example:6443"));
        waitFor(() -> table.getItems().size() == 2);
        robot.interact(() -> search.setText("DEMO"));
        waitFor(() -> table.getItems().size() == 1);
        assertThat(ctx.connect().picker().selectedProperty().get().name()).isEqualTo("test");
        robot.interact(() -> search.setText("nothing-like-this"));
        waitFor(() -> table.getItems().isEmpty());
        assertThat(robot.lookup("#connectButton").queryAs(Button.class).isDisabled()).isTrue();
        WindowTests.shot(robot.lookup("#connectContexts").queryAs(TableView.class).getScene().getRoot(),
                "connect-filtered.png");
    }

    @Test
    void connectingLoadsTheClusterAndTheInventoryPaneShowsContextServerAndTime(FxRobot robot) throws Exception {
        Path kc = kubeconfig(api.url());
        open(robot, kc);
        choose(robot, "test");
        long t0 = System.nanoTime();
        robot.interact(() -> robot.lookup("#connectButton").queryAs(Button.class).fire());
        waitFor(() -> ctx.connect().phaseProperty().get() == ConnectViewModel.Phase.CONNECTED);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Files.writeString(dir.resolve("connect-time.txt"), String.format(java.util.Locale.ROOT,
                "%,d Services in %.2f s (window, page size 500)%n", SERVICES, seconds));

        assertThat(ctx.session().inventoryProperty().get()).isNotNull();
        assertThat(ctx.session().inventoryProperty().get().result().inventory().services()).hasSize(SERVICES);
        assertThat(ctx.session().inputsProperty().get().services()).isEqualTo(SERVICES);
        assertThat(ctx.connect().statusProperty().get()).startsWith("Loaded 2,000 Services").contains("from test");
        assertThat(ctx.connect().kinds()).extracting(KindRow::kind).contains("Service", "EndpointSlice", "Node");
        assertThat(ctx.connect().kinds()).filteredOn(k -> k.kind().equals("Service")).singleElement()
                .satisfies(k -> {
                    assertThat(k.objects()).isEqualTo("2,000");
                    assertThat(k.pages()).isEqualTo("4");
                    assertThat(k.state()).isEqualTo("done");
                });

        Map<String, String> rows = new java.util.LinkedHashMap<>();
        for (KeyValue kv : ctx.inventory().sources()) {
            rows.put(kv.key(), kv.value());
        }
        assertThat(rows).containsEntry("Context", "test").containsEntry("API server", api.url())
                .containsEntry("Server version", "v1.31.2").containsKey("Read at");
        assertThat(rows.get("Read at")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC");
        assertThat(robot.lookup(".source-kind").queryAs(Label.class).getText())
                .isEqualTo("Live cluster snapshot (read-only)");
        assertThat(String.join("\n", ctx.inventory().sources().stream().map(KeyValue::toString).toList())
                + ctx.connect().messages()).doesNotContain(TOKEN);
        WindowTests.shot(stage.getScene().getRoot(), "connect-provenance.png");

        // Save snapshot writes kpp import's format, with the provenance and without the token
        Path saved = dir.resolve("saved.kpp.json");
        Files.deleteIfExists(saved);
        dialogs.snapshotToSave = saved;
        robot.interact(() -> robot.lookup("#connectSave").queryAs(Button.class).fire());
        waitFor(() -> Files.exists(saved));
        waitFor(() -> ctx.session().noticeProperty().get().startsWith("Saved the snapshot"));
        var snapshot = SnapshotCodec.read(Files.newInputStream(saved), saved.toString(), Cancellation.NEVER);
        assertThat(snapshot.provenance().kubeContext()).isEqualTo("test");
        assertThat(snapshot.provenance().kubeServer()).isEqualTo(api.url());
        assertThat(snapshot.inventory().services()).hasSize(SERVICES);
        assertThat(Files.readString(saved)).doesNotContain(TOKEN);
    }

    @Test
    void cancelStopsWithinAPageAndLoadsNothing(FxRobot robot) throws Exception {
        try (MiniApiServer slow = serve()) {
            // every continue page of the Services stalls: the first page arrives, then nothing
            slow.faults((uri, n) -> uri.startsWith("/api/v1/services") && uri.contains("continue=")
                    ? new MiniApiServer.Stall(200, 20_000) : null);
            open(robot, kubeconfig(slow.url()));
            choose(robot, "test");
            robot.interact(() -> ctx.connect().pageSizeProperty().set(100));
            robot.interact(() -> robot.lookup("#connectButton").queryAs(Button.class).fire());
            waitFor(() -> ctx.connect().kinds().stream().anyMatch(k -> k.kind().equals("Service")
                    && k.objects().startsWith("100")));
            assertThat(robot.lookup("#connectCancel").queryAs(Button.class).isVisible()).isTrue();
            long t0 = System.nanoTime();
            robot.interact(() -> robot.lookup("#connectCancel").queryAs(Button.class).fire());
            waitFor(() -> ctx.connect().phaseProperty().get() == ConnectViewModel.Phase.CANCELLED);
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertThat(seconds).as("stopped without waiting for the stalled page").isLessThan(15);
            assertThat(ctx.session().inventoryProperty().get()).as("nothing loaded").isNull();
            assertThat(ctx.session().sampleProperty().get().name()).isEqualTo(AppContext.START_SAMPLE);
            assertThat(ctx.connect().statusProperty().get())
                    .isEqualTo("Cancelled: nothing was loaded; growth-4k is still loaded.");
            assertThat(ctx.connect().kinds()).filteredOn(k -> k.kind().equals("Service")).singleElement()
                    .satisfies(k -> assertThat(k.state()).isEqualTo("cancelled"));
        }
    }

    @Test
    void anUnreachableServerIsNamedWithTheCauseAndNothingIsLost(FxRobot robot) throws Exception {
        open(robot, kubeconfig(api.url()));
        choose(robot, "unreachable");
        robot.interact(() -> robot.lookup("#connectButton").queryAs(Button.class).fire());
        waitFor(() -> ctx.connect().phaseProperty().get() == ConnectViewModel.Phase.FAILED);
        assertThat(ctx.connect().statusProperty().get())
                .isEqualTo("Nothing was imported from unreachable; growth-4k is still loaded.");
        assertThat(ctx.connect().messages()).isNotEmpty();
        assertThat(ctx.connect().messages().get(0)).startsWith("Cannot reach the API server http://127.0.0.1:"
                + closedPort + ": ").contains("Check the network or VPN").doesNotContain(TOKEN);
        assertThat(ctx.session().inventoryProperty().get()).isNull();
        assertThat(robot.from(robot.lookup("#connectMessages").queryAs(javafx.scene.Node.class)).lookup(".message-item")
                .queryAs(Label.class).getText()).contains("127.0.0.1:" + closedPort);
    }

    @Test
    void aForbiddenKindIsListedAndTheImportCompletesWithTheRest(FxRobot robot) throws Exception {
        try (MiniApiServer partial = serve()) {
            partial.faults((uri, n) -> uri.startsWith("/apis/networking.k8s.io/v1/networkpolicies")
                    ? new MiniApiServer.Status(403, "networkpolicies.networking.k8s.io is forbidden: User "
                    + "\"dev\" cannot list resource \"networkpolicies\"", Map.of()) : null);
            open(robot, kubeconfig(partial.url()));
            choose(robot, "test");
            robot.interact(() -> robot.lookup("#connectButton").queryAs(Button.class).fire());
            waitFor(() -> ctx.connect().phaseProperty().get() == ConnectViewModel.Phase.CONNECTED);
            assertThat(ctx.session().inventoryProperty().get().result().inventory().services()).hasSize(SERVICES);
            assertThat(ctx.connect().messages().get(0)).isEqualTo("Not allowed to list NetworkPolicy: the snapshot "
                    + "lacks them; the import completed with the rest.");
            assertThat(ctx.connect().messages()).anySatisfy(m -> assertThat(m).startsWith("Not allowed to read"));
            assertThat(ctx.connect().kinds()).filteredOn(k -> k.kind().equals("NetworkPolicy")).singleElement()
                    .satisfies(k -> assertThat(k.state()).isEqualTo("not allowed (skipped)"));
            assertThat(ctx.inventory().sources()).contains(KeyValue.of("Not allowed to list", "NetworkPolicy"));
        }
    }
}
