package dev.kpp.app.cli;

import dev.kpp.app.report.AtomicFiles;
import dev.kpp.app.text.TerminalText;
import dev.kpp.importer.io.IoErrors;
import dev.kpp.importer.io.OutputException;
import picocli.CommandLine;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Runs the command line: parses, executes and maps failures to exit codes. Bad input gets one line
 * on stderr and exit code 2; an unexpected failure exit code 1 with a one-line reason; running out
 * of heap one line with the {@code -Xmx} advice. Never a stack trace; names from inputs are escaped
 * for the terminal.
 */
public final class Cli {
    /** Exit code for bad flags or bad input values. */
    public static final int EXIT_USAGE = 2;
    /** Exit code for a failure while running. */
    public static final int EXIT_FAILURE = 1;

    /** Heap set aside while a command runs and given back to print the out-of-memory line. */
    private static final int RESERVE = 256 << 10;
    private static volatile byte[] reserve;

    private Cli() {
    }

    /** @return a configured command line over {@link KppCommand} */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new KppCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println(prefix(c) + ": " + oneLine(ex.getMessage()) + " (see '" + c.getCommandSpec().qualifiedName()
                    + " --help')");
            c.getErr().flush();
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
            if (ex instanceof IllegalArgumentException || ex instanceof UsageException) {
                c.getErr().println(prefix(c) + ": " + oneLine(ex.getMessage()));
                c.getErr().flush();
                return EXIT_USAGE;
            }
            if (ex instanceof OutputException oe) {
                c.getErr().println(prefix(c) + ": " + oneLine(AtomicFiles.describe(oe)));
                c.getErr().flush();
                return AtomicFiles.isRefusal(oe) ? EXIT_USAGE : EXIT_FAILURE;
            }
            String why = ex instanceof java.io.IOException io ? IoErrors.reason(io) : ex.getMessage();
            c.getErr().println(prefix(c) + ": failed: " + oneLine(why == null ? ex.getClass().getSimpleName() : why));
            c.getErr().flush();
            return EXIT_FAILURE;
        });
        return cl;
    }

    /**
     * The line printed when the Java heap runs out: no stack trace, and how to get more.
     *
     * @param command the command line as typed (its first word names the command)
     */
    static String outOfMemory(String[] command) {
        String cmd = command.length == 0 ? "kpp" : "kpp " + command[0];
        return cmd + ": out of memory: this input needs a larger Java heap than this one (about "
                + Math.max(1, Runtime.getRuntime().maxMemory() >> 20) + " MiB); run it again with a larger -Xmx, "
                + "e.g. KPP_JAVA_OPTS=-Xmx2g ./kpp ... (or java -Xmx2g ...)";
    }

    /**
     * Runs one command.
     *
     * @return the exit code
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        PrintWriter o = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter e = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        int code;
        String oomLine = outOfMemory(args); // composed now: there may be no memory to compose it later
        reserve = new byte[RESERVE];
        try {
            code = commandLine(o, e).execute(args);
        } catch (OutOfMemoryError oom) {
            reserve = null; // room for the line below
            e.println(oomLine);
            code = EXIT_FAILURE;
        } catch (StackOverflowError so) {
            e.println((args.length == 0 ? "kpp" : "kpp " + args[0]) + ": failed: the input is nested too deeply "
                    + "for the Java stack (-Xss)");
            code = EXIT_FAILURE;
        }
        reserve = null;
        o.flush();
        e.flush();
        return code;
    }

    private static String prefix(CommandLine c) {
        return c.getCommandSpec().qualifiedName();
    }

    /** @return the message on one line, safe for a terminal (names from inputs are escaped) */
    private static String oneLine(String s) {
        return s == null ? "" : TerminalText.escape(s.replaceAll("\\s*\\R\\s*", " ").trim());
    }

    /** A user error detected while running (bad file, unknown sample...): exit code 2, one line. */
    public static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }
}
