package dev.kpp.app.cli;

import dev.kpp.app.text.TerminalText;
import dev.kpp.importer.io.SafeOutput;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * Writes command output to stdout or, through {@link SafeOutput}, to a file: {@code -o -} is
 * stdout, a device, FIFO or directory is refused, an input is never overwritten, the file is
 * replaced atomically.
 */
final class Output {
    private Output() {
    }

    static void write(CommandSpec spec, Path file, String text) throws IOException {
        write(spec, file, text, List.of());
    }

    /** Writes text to stdout ({@code file} null or {@code -}) or to a file that is none of the inputs. */
    static void write(CommandSpec spec, Path file, String text, Collection<Path> inputs) throws IOException {
        if (file == null || SafeOutput.isStdout(file)) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        SafeOutput.write(file, inputs, stdout(spec), out -> out.write(bytes));
        spec.commandLine().getErr().println("kpp: wrote " + TerminalText.escape(file.toString()));
    }

    /** Streams content to a file, or to stdout for {@code -}. */
    static void write(CommandSpec spec, Path file, Collection<Path> inputs, SafeOutput.Content content)
            throws IOException {
        SafeOutput.write(file, inputs, stdout(spec), content);
    }

    /** @return the command's stdout as UTF-8 bytes (what {@code -} writes to) */
    static OutputStream stdout(CommandSpec spec) {
        return new Utf8ToWriter(spec.commandLine().getOut());
    }

    /** Decodes UTF-8 bytes onto a writer (picocli's stdout is a {@link PrintWriter}). */
    private static final class Utf8ToWriter extends OutputStream {
        private final PrintWriter w;
        private final CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        private final ByteBuffer in = ByteBuffer.allocate(1 << 16);
        private final CharBuffer out = CharBuffer.allocate(1 << 16);

        Utf8ToWriter(PrintWriter w) {
            this.w = w;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            while (len > 0) {
                int n = Math.min(len, in.remaining());
                in.put(b, off, n);
                off += n;
                len -= n;
                drain(false);
            }
        }

        private void drain(boolean end) {
            in.flip();
            while (true) {
                var r = dec.decode(in, out, end);
                out.flip();
                w.append(out);
                out.clear();
                if (!r.isOverflow()) {
                    break;
                }
            }
            in.compact();
        }

        @Override
        public void flush() {
            drain(false);
            w.flush();
        }
    }
}
