package dev.kpp.app.ui.common;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.transform.Transform;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** PNG snapshots of nodes (chart export, test screenshots). FX thread only. */
public final class Snapshots {
    private Snapshots() {
    }

    /**
     * @param node  the node to render
     * @param scale output scale (2 gives crisp images on HiDPI screens and in documents)
     * @return PNG bytes
     */
    public static byte[] png(Node node, double scale) {
        SnapshotParameters params = new SnapshotParameters();
        params.setTransform(Transform.scale(scale, scale));
        WritableImage image = node.snapshot(params, null);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
