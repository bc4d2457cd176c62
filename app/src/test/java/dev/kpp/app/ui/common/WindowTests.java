package dev.kpp.app.ui.common;

import javafx.scene.Node;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** Helpers of the window tests: waiting for the FX thread and screenshots into target/screenshots. */
public final class WindowTests {
    /** Where the tests' screenshots go. */
    public static final Path SHOTS = Path.of("target/screenshots");

    private WindowTests() {
    }

    /** Waits up to 30 s for a condition (checked on the FX thread's behalf), then for pending FX events. */
    public static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Writes a PNG of a node at scale 1. */
    public static void shot(Node node, String name) throws IOException {
        byte[][] png = new byte[1][];
        try {
            WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> {
                png[0] = Snapshots.png(node, 1);
            }));
        } catch (Exception e) {
            throw new IOException(e);
        }
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve(name), png[0]);
    }
}
