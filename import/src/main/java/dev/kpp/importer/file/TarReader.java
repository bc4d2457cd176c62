package dev.kpp.importer.file;

import dev.kpp.importer.spi.ImportException;
import dev.kpp.importer.spi.ImportProblem;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A minimal reader for ustar/GNU/pax tar streams (regular files only): enough for
 * {@code tar czf bundle.tar.gz dumps/}. Members are read one after another from the same stream.
 * Links, devices and FIFOs are never followed or created: they are skipped and reported.
 */
final class TarReader {
    private static final int BLOCK = 512;

    /** One member: its name and a stream bounded to its bytes. */
    record Entry(String name, long size, InputStream content) {
    }

    /** Receives members that are not regular files (directories excepted): name and what they are. */
    @FunctionalInterface
    interface Skipped {
        void member(String name, String what);
    }

    private final Position in;
    private final String archive;
    private long remaining;
    private long padding;

    /**
     * @param in      the archive's bytes
     * @param archive the archive's name, for problems
     */
    TarReader(InputStream in, String archive) {
        this.in = new Position(in);
        this.archive = archive;
    }

    /** @return true when the stream looks like a tar archive (ustar magic at offset 257) */
    static boolean looksLikeTar(byte[] head, int n) {
        return n >= 262 && new String(head, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
    }

    /**
     * Skips the rest of the current member and reads the next regular file.
     *
     * @return the entry, or null at the end of the archive
     * @throws ImportException {@code corrupt-archive} for a header that is not a tar header (bad
     *                         checksum, a size that is not octal), at its byte offset;
     *                         {@code limit-exceeded} for an extended header over 1 MB
     * @throws EOFException    for a truncated archive
     * @throws IOException     when reading fails
     */
    Entry next(Skipped skipped) throws IOException, ImportException {
        skipFully(remaining + padding);
        remaining = 0;
        padding = 0;
        String longName = null;
        byte[] header = new byte[BLOCK];
        while (true) {
            long at = in.position;
            if (!readBlock(header)) {
                return null;
            }
            if (isZero(header)) {
                return null;
            }
            if (!checksumOk(header)) {
                throw corrupt(at, "the header's checksum does not match (not a tar header, or a corrupt archive)");
            }
            String name = cString(header, 0, 100);
            String prefix = cString(header, 345, 155);
            long size = octal(header, 124, 12);
            if (size < 0) {
                throw corrupt(at, "the header's size field is not an octal number");
            }
            char type = (char) header[156];
            long pad = (BLOCK - size % BLOCK) % BLOCK;
            if ((type == 'L' || type == 'x' || type == 'g') && size > (1 << 20)) {
                throw new ImportException(ImportProblem.error("limit-exceeded", archive, "byte " + at,
                        "a tar extended header is larger than 1 MB"));
            }
            if (type == 'L') {
                byte[] buf = readBytes(size);
                skipFully(pad);
                longName = cString(buf, 0, buf.length);
                continue;
            }
            if (type == 'x' || type == 'g') {
                byte[] buf = readBytes(size);
                skipFully(pad);
                String path = paxPath(new String(buf, StandardCharsets.UTF_8));
                if (type == 'x' && path != null) {
                    longName = path;
                }
                continue;
            }
            String full = longName != null ? longName : (prefix.isEmpty() ? name : prefix + "/" + name);
            longName = null;
            if (type == '0' || type == '\0' || type == '7') {
                remaining = size;
                padding = pad;
                return new Entry(full, size, new Bounded());
            }
            if (type != '5') {
                skipped.member(full, switch (type) {
                    case '1' -> "a hard link";
                    case '2' -> "a symbolic link";
                    case '3' -> "a character device";
                    case '4' -> "a block device";
                    case '6' -> "a FIFO";
                    default -> "an entry of type '" + type + "'";
                });
            }
            skipFully(size + pad); // directories, links, devices
        }
    }

    private static String paxPath(String records) {
        for (String rec : records.split("\n")) {
            int sp = rec.indexOf(' ');
            if (sp > 0 && rec.startsWith("path=", sp + 1)) {
                return rec.substring(sp + 6);
            }
        }
        return null;
    }

    private boolean readBlock(byte[] b) throws IOException {
        int off = 0;
        while (off < b.length) {
            int r = in.read(b, off, b.length - off);
            if (r < 0) {
                if (off == 0) {
                    return false;
                }
                throw new EOFException("truncated tar archive");
            }
            off += r;
        }
        return true;
    }

    private ImportException corrupt(long at, String detail) {
        return new ImportException(ImportProblem.error("corrupt-archive", archive, "byte " + at, detail));
    }

    private byte[] readBytes(long size) throws IOException {
        byte[] buf = new byte[(int) size];
        int off = 0;
        while (off < buf.length) {
            int r = in.read(buf, off, buf.length - off);
            if (r < 0) {
                throw new EOFException("truncated tar archive");
            }
            off += r;
        }
        return buf;
    }

    private void skipFully(long n) throws IOException {
        byte[] buf = new byte[8192];
        while (n > 0) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, n));
            if (r < 0) {
                throw new EOFException("truncated tar archive");
            }
            n -= r;
        }
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean checksumOk(byte[] h) {
        long stored = octal(h, 148, 8);
        if (stored < 0) {
            return false;
        }
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : (h[i] & 0xff);
        }
        return sum == stored;
    }

    private static String cString(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) {
            end++;
        }
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }

    /** @return the field's value, or -1 when it is not a number (or overflows) */
    private static long octal(byte[] b, int off, int len) {
        if ((b[off] & 0x80) != 0) { // GNU base-256
            long v = b[off] & 0x7f;
            for (int i = off + 1; i < off + len; i++) {
                if ((v >>> 55) != 0) {
                    return -1;
                }
                v = (v << 8) | (b[i] & 0xff);
            }
            return v;
        }
        long v = 0;
        for (int i = off; i < off + len; i++) {
            char c = (char) b[i];
            if (c == 0 || c == ' ') {
                if (v > 0 || c == 0) {
                    continue;
                }
                continue;
            }
            if (c < '0' || c > '7' || (v >>> 60) != 0) {
                return -1;
            }
            v = v * 8 + (c - '0');
        }
        return v;
    }

    /** The archive's bytes, counted (problems name a header by its offset). */
    private static final class Position extends FilterInputStream {
        long position;

        Position(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int r = in.read();
            if (r >= 0) {
                position++;
            }
            return r;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int r = in.read(b, off, len);
            if (r > 0) {
                position += r;
            }
            return r;
        }

        @Override
        public long skip(long n) throws IOException {
            long r = in.skip(n);
            position += Math.max(0, r);
            return r;
        }
    }

    /** The current member's bytes. */
    private final class Bounded extends InputStream {
        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int r = in.read();
            if (r < 0) {
                throw new EOFException("truncated tar archive");
            }
            remaining--;
            return r;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int r = in.read(b, off, (int) Math.min(len, remaining));
            if (r < 0) {
                throw new EOFException("truncated tar archive");
            }
            remaining -= r;
            return r;
        }

        @Override
        public void close() {
            // the archive stream stays open for the next member
        }
    }
}
