package dev.kpp.importer.cluster;

import dev.kpp.importer.spi.Cancellation;
import dev.kpp.importer.spi.ImportResult;
import dev.kpp.model.scenario.ScenarioParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class DebugLoopTest {
    @TempDir
    Path dir;

    @Test
    void loop() throws Exception {
        Path dump = TestClusters.dump(dir, ScenarioParams.defaults().withServices(600).withEndpointsPerService(7).withNodes(12));
        try (MiniApiServer server = TestClusters.serve(dump)) {
            Path kc = TestClusters.kubeconfig(dir, server.url(), "");
            for (int i = 0; i < 5; i++) {
                long t = System.nanoTime();
                ImportResult r = new ClusterImporter(TestClusters.fast()).importInventory(TestClusters.request(kc, 50),
                        new TestClusters.Recorder(), Cancellation.NEVER);
                System.err.println("run " + i + " " + (System.nanoTime() - t) / 1e6 + " ms " + r.problems() + " "
                        + r.cluster().get().kinds());
            }
        }
    }
}
