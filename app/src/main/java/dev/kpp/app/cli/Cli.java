package dev.kpp.app.cli;

import dev.kpp.model.units.InvalidValueException;
import dev.kpp.app.report.AtomicFiles;
import dev.kpp.app.text.TerminalText;
import dev.kpp.importer.io.IoErrors;
import dev.kpp.importer.io.OutputException;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Runs the command line: parses, executes and maps failures to exit codes, each with one line on
 * stderr: 2 for a usage error (bad flags or values), 1 for bad input or a failure while running
 * (a file that cannot be read, a disk that is full), 70 for an internal error (a bug: the line
 * points to {@code --debug}, which prints the stack trace).
 */
public final class Cli {
    /** Exit code for bad flags or bad flag values. */
    public static final int EXIT_USAGE = 2;
    /** Exit code for bad input or a failure while running. */
    public static final int EXIT_FAILURE = 1;
    /** Exit code for an internal error (EX_SOFTWARE). */
    public static final int EXIT_INTERNAL = 70;
    /** The flag that prints stack traces of internal errors. */
    public static final String DEBUG = "--debug";

    /** Heap set aside while a command runs and given back to print the out-of-memory line. */
    private static final int RESERVE = 256 << 10;
    private static volatile byte[] reserve;

    private Cli() {
    }

    /** @return a configured command line over {@link KppCommand} with the default services */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, CliContext.defaults(), false);
    }

    /**
     * @param context the services the commands use (tests fix the clock or the importer)
     * @param debug   print stack traces of internal errors
     * @return a configured command line
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, CliContext context, boolean debug) {
        return commandLine(out, err, context, debug, KppCommand.SUBCOMMANDS.values());
    }

    /**
     * @return a command line with only the command {@code args} names (picocli reads each command's
     * annotations when it is added), or all of them when the first argument names none (help, or
     * a typo that picocli's suggestions need the others for); none for the version alone
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, CliContext context, boolean debug, String[] args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return commandLine(out, err, context, debug, List.of()); // the version needs no command
        }
        Class<?> named = args.length == 0 ? null : KppCommand.SUBCOMMANDS.get(args[0]);
        return commandLine(out, err, context, debug, named == null ? KppCommand.SUBCOMMANDS.values() : List.of(named));
    }

    private static CommandLine commandLine(PrintWriter out, PrintWriter err, CliContext context, boolean debug,
                                           Collection<Class<?>> subcommands) {
        CommandLine cl = new CommandLine(new KppCommand(), new Factory(context));
        for (Class<?> c : subcommands) {
            cl.addSubcommand(c); // before the settings below, which apply to the subcommands present
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println(prefix(c) + ": " + oneLine(ex.getMessage()) + " (see '"
                    + c.getCommandSpec().qualifiedName() + " --help')");
            c.getErr().flush();
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
            PrintWriter e = c.getErr();
            if (ex instanceof InvalidValueException iv) {
                e.println(prefix(c) + ": " + context.texts().invalid(iv, Flags::of));
                e.flush();
                return EXIT_USAGE;
            }
            if (ex instanceof OutputException oe) {
                e.println(prefix(c) + ": " + oneLine(AtomicFiles.describe(oe)));
                e.flush();
                return AtomicFiles.isRefusal(oe) ? EXIT_USAGE : EXIT_FAILURE;
            }
            if (ex instanceof UsageException) {
                e.println(prefix(c) + ": " + oneLine(ex.getMessage()));
                e.flush();
                return EXIT_USAGE;
            }
            if (ex instanceof InputException) {
                e.println(prefix(c) + ": " + oneLine(ex.getMessage()));
                e.flush();
                return EXIT_FAILURE;
            }
            if (ex instanceof IOException || ex instanceof UncheckedIOException) {
                IOException io = ex instanceof UncheckedIOException u ? u.getCause() : (IOException) ex;
                e.println(prefix(c) + ": " + oneLine(IoErrors.reason(io)));
                e.flush();
                return EXIT_FAILURE;
            }
            e.println(prefix(c) + ": internal error: " + oneLine(String.valueOf(ex.getMessage())) + " ("
                    + ex.getClass().getSimpleName() + "); please report it"
                    + (debug ? "" : " with the output of the same command and " + DEBUG));
            if (debug) {
                ex.printStackTrace(e);
            }
            e.flush();
            return EXIT_INTERNAL;
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
        boolean debug = Arrays.asList(args).contains(DEBUG);
        String[] rest = Arrays.stream(args).filter(a -> !a.equals(DEBUG)).toArray(String[]::new);
        PrintWriter o = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter e = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        int code;
        String oomLine = outOfMemory(rest); // composed now: there may be no memory to compose it later
        reserve = new byte[RESERVE];
        try {
            code = commandLine(o, e, CliContext.defaults(), debug, rest).execute(rest);
        } catch (OutOfMemoryError oom) {
            reserve = null; // room for the line below
            e.println(oomLine);
            code = EXIT_FAILURE;
        } catch (StackOverflowError so) {
            e.println((rest.length == 0 ? "kpp" : "kpp " + rest[0]) + ": failed: the input is nested too deeply "
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
    static String oneLine(String s) {
        return s == null ? "" : TerminalText.escape(s.replaceAll("\\s*\\R\\s*", " ").trim());
    }

    /** A usage error detected while running (a flag that contradicts another, an unknown sample): exit 2. */
    public static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }

    /** Input that cannot be used (nothing importable, a rejected file): exit 1, one line. */
    public static final class InputException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public InputException(String message) {
            super(message);
        }
    }

    /** Creates commands, handing the context to those whose constructor takes it. */
    private static final class Factory implements CommandLine.IFactory {
        private final CliContext context;
        private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

        Factory(CliContext context) {
            this.context = context;
        }

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                Constructor<K> c = cls.getDeclaredConstructor(CliContext.class);
                c.setAccessible(true);
                return c.newInstance(context);
            } catch (NoSuchMethodException e) {
                return fallback.create(cls);
            }
        }
    }
}
