package dev.kpp.app.ui.common;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How the user wants images exported.
 *
 * @param file   where to write
 * @param format PNG or SVG
 * @param size   the size in pixels (SVG: its view box)
 */
public record ImageExport(Path file, Format format, Size size) {
    /** An image format. */
    public enum Format {
        PNG("png"), SVG("svg");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        /** @return the file extension, without the dot */
        public String extension() {
            return extension;
        }
    }

    /**
     * An image size.
     *
     * @param width  pixels
     * @param height pixels
     */
    public record Size(int width, int height) {
        public Size {
            if (width < 100 || height < 100 || width > 10_000 || height > 10_000) {
                throw new IllegalArgumentException("image size out of range: " + width + "x" + height);
            }
        }
    }

    public ImageExport {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(size, "size");
    }
}
