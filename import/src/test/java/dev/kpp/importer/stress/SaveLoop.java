package dev.kpp.importer.stress;

import dev.kpp.importer.io.SafeOutput;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A child process that saves a checkable file through {@link SafeOutput} again and again (args:
 * target, megabytes, saves; 0 saves: forever), so a parent can kill it at random points.
 */
public final class SaveLoop {
    private SaveLoop() {
    }

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args[0]);
        int mb = Integer.parseInt(args[1]);
        int saves = Integer.parseInt(args[2]);
        byte[] line = (".".repeat(1023) + "\n").getBytes(StandardCharsets.US_ASCII);
        System.out.println("started");
        System.out.flush();
        for (int n = 1; saves == 0 || n <= saves; n++) {
            int id = n;
            SafeOutput.write(target, List.of(), System.out, out -> {
                out.write(("kpp-save " + id + "\n").getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < mb * 1024; i++) {
                    out.write(line);
                }
                out.write(("end " + id + "\n").getBytes(StandardCharsets.US_ASCII));
            });
        }
    }

    /** @return null when the file is one complete save, else what is wrong with it */
    static String check(byte[] content, int mb) {
        String s = new String(content, StandardCharsets.US_ASCII);
        if (!s.startsWith("kpp-save ")) {
            return "no header";
        }
        String id = s.substring(9, s.indexOf('\n'));
        String tail = "end " + id + "\n";
        long expected = ("kpp-save " + id + "\n").length() + (long) mb * 1024 * 1024 + tail.length();
        if (!s.endsWith(tail)) {
            return "save " + id + " has no end";
        }
        return content.length == expected ? null : "save " + id + " has " + content.length + " bytes, not " + expected;
    }
}
