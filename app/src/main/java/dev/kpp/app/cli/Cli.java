package dev.kpp.app.cli;

import picocli.CommandLine;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Runs the command line: parses, executes and maps failures to exit codes. Bad input gets one line
 * on stderr and exit code 2; an unexpected failure exit code 1 with a one-line reason.
 */
public final class Cli {
    /** Exit code for bad flags or bad input values. */
    public static final int EXIT_USAGE = 2;
    /** Exit code for a failure while running. */
    public static final int EXIT_FAILURE = 1;

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
            c.getErr().println(prefix(c) + ": failed: " + oneLine(String.valueOf(ex.getMessage()))
                    + " (" + ex.getClass().getSimpleName() + ")");
            c.getErr().flush();
            return EXIT_FAILURE;
        });
        return cl;
    }

    /**
     * Runs one command.
     *
     * @return the exit code
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        PrintWriter o = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter e = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        int code = commandLine(o, e).execute(args);
        o.flush();
        e.flush();
        return code;
    }

    private static String prefix(CommandLine c) {
        return c.getCommandSpec().qualifiedName();
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    /** A user error detected while running (bad file, unknown sample...): exit code 2, one line. */
    public static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }
}
