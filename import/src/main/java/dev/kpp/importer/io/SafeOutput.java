package dev.kpp.importer.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The one writer for every file kpp writes (snapshots, command output, scenario files, chart
 * exports, generated dumps). The target is either left as it was or replaced completely:
 *
 * <ul>
 *   <li>{@code -} is standard output (no atomicity: a stream).</li>
 *   <li>An existing path that is not a regular file (directory, device, FIFO, socket) is refused;
 *       so is a path that is one of the inputs (the caller passes them).</li>
 *   <li>A symbolic link is followed and its final target replaced; the link stays.</li>
 *   <li>The content goes to a temporary file beside the target (created with the umask's
 *       permissions, or with the replaced file's permission bits and, where allowed, owner), which
 *       is forced to disk, renamed over the target, and the directory forced after the rename.</li>
 *   <li>Temporary files are named {@code .NAME.PID.RANDOM.kpp-tmp} and locked while written. A
 *       shutdown hook deletes the ones in progress (SIGTERM, Ctrl-C); before each write the
 *       directory is swept of ones no process holds locked whose writer is gone (its process id no
 *       longer runs; kill -9) or that are older than ten seconds, and, where locks are not
 *       supported, of ones older than a day.</li>
 * </ul>
 *
 * Failures are {@link OutputException}s that name the target, never the temporary file.
 */
public final class SafeOutput {
    /** The name that means standard output. */
    public static final String STDOUT = "-";
    /** Suffix of kpp's temporary files. */
    static final String TMP_SUFFIX = ".kpp-tmp";
    /** {@code .NAME.PID.RANDOM.kpp-tmp}. */
    static final Pattern TMP_NAME = Pattern.compile("^\\..+\\.(\\d{1,10})\\.([0-9a-z]{8})" + Pattern.quote(TMP_SUFFIX)
            + "$");
    /** An unlocked temporary file this old is stale even if a process with its writer's id runs (a reused id). */
    static final Duration STALE_UNLOCKED = Duration.ofSeconds(10);
    /** Where locks are not supported, a temporary file this old is stale. */
    static final Duration STALE_ANYWAY = Duration.ofDays(1);
    private static final int MAX_LINKS = 40;
    private static final int NAME_KEEP = 100;
    private static final Set<Path> ACTIVE = ConcurrentHashMap.newKeySet();
    private static final SecureRandom RANDOM = new SecureRandom();

    static {
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(SafeOutput::deleteActive, "kpp-output-cleanup"));
        } catch (IllegalStateException | SecurityException e) {
            // the JVM is already shutting down: nothing is being written
        }
    }

    /** Writes content to a stream. */
    @FunctionalInterface
    public interface Content {
        /**
         * @param out the destination; do not close it
         * @throws IOException when producing or writing the content fails
         */
        void writeTo(OutputStream out) throws IOException;
    }

    private SafeOutput() {
    }

    /** @return true when the path is {@code -} (standard output) */
    public static boolean isStdout(Path p) {
        return p != null && p.toString().equals(STDOUT);
    }

    /**
     * Checks that a target may be written, without writing: lets a command refuse before long work.
     *
     * @param target the file as named by the user
     * @param inputs the files being read (a target equal to one of them is refused); may be empty
     * @return the file that will be replaced or created (symbolic links followed), or {@code -}
     * @throws OutputException when the target may not be written
     */
    public static Path check(Path target, Collection<Path> inputs) throws OutputException {
        if (isStdout(target)) {
            return target;
        }
        Path real = resolve(target, false);
        refuseInputs(target, real, inputs);
        return real;
    }

    /** Writes UTF-8 text; see {@link #write(Path, Collection, OutputStream, Content)}. */
    public static void writeString(Path target, String text) throws OutputException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        write(target, List.of(), System.out, out -> out.write(b));
    }

    /** Writes bytes; see {@link #write(Path, Collection, OutputStream, Content)}. */
    public static void writeBytes(Path target, byte[] bytes) throws OutputException {
        write(target, List.of(), System.out, out -> out.write(bytes));
    }

    /**
     * Writes a file atomically, or to {@code stdout} when the target is {@code -}.
     *
     * @param target  the file as named by the user, or {@code -}
     * @param inputs  the files being read; the target may not be one of them
     * @param stdout  where {@code -} writes (flushed, not closed)
     * @param content produces the bytes
     * @throws OutputException when the target may not be written or writing fails; the target is
     *                         then unchanged and no temporary file is left
     */
    public static void write(Path target, Collection<Path> inputs, OutputStream stdout, Content content)
            throws OutputException {
        if (isStdout(target)) {
            try {
                OutputStream s = new NonClosing(stdout);
                content.writeTo(s);
                s.flush();
            } catch (OutputException e) {
                throw e;
            } catch (IOException e) {
                throw new OutputException(IoErrors.classify(e), target, IoErrors.reason(e));
            }
            return;
        }
        Path real = resolve(target, true);
        refuseInputs(target, real, inputs);
        Path dir = real.getParent();
        sweep(dir, Instant.now());
        PosixFileAttributes existing = posixAttributes(real);
        Path tmp = null;
        boolean moved = false;
        try {
            FileChannel ch = null;
            for (int attempt = 0; ch == null; attempt++) {
                Path candidate = dir.resolve(tempName(real.getFileName().toString()));
                try {
                    ch = FileChannel.open(candidate, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    tmp = candidate;
                } catch (FileAlreadyExistsException e) {
                    if (attempt > 5) {
                        throw e;
                    }
                }
            }
            ACTIVE.add(tmp);
            try (FileChannel channel = ch) {
                FileLock lock = tryLock(channel);
                if (existing != null) {
                    copyOwnershipAndMode(existing, tmp);
                }
                OutputStream out = new BufferedOutputStream(new NonClosing(Channels.newOutputStream(channel)), 1 << 16);
                content.writeTo(out);
                out.flush();
                channel.force(true);
                move(tmp, real);
                moved = true;
                forceDirectory(dir);
                if (lock != null && lock.isValid()) {
                    lock.release();
                }
            }
        } catch (OutputException e) {
            throw e;
        } catch (IOException e) {
            throw new OutputException(IoErrors.classify(e), target, IoErrors.reason(e));
        } finally {
            if (tmp != null) {
                if (!moved) {
                    try {
                        Files.deleteIfExists(tmp);
                    } catch (IOException e) {
                        // the sweep of the next write removes it
                    }
                }
                ACTIVE.remove(tmp);
            }
        }
    }

    /**
     * Resolves symbolic links (up to 40) and checks the final target.
     *
     * @param create create missing parent directories
     */
    static Path resolve(Path target, boolean create) throws OutputException {
        Path p = target.toAbsolutePath().normalize();
        for (int hops = 0; ; hops++) {
            if (hops > MAX_LINKS) {
                throw new OutputException(OutputException.Reason.TOO_MANY_LINKS, target, "");
            }
            Path parent = p.getParent();
            if (parent == null || p.getFileName() == null) {
                throw new OutputException(OutputException.Reason.NOT_A_REGULAR_FILE, target, "directory");
            }
            Path realParent;
            try {
                if (create && !Files.exists(parent)) {
                    Files.createDirectories(parent);
                }
                realParent = parent.toRealPath();
            } catch (IOException e) {
                throw new OutputException(e instanceof java.nio.file.NoSuchFileException
                        || e instanceof java.nio.file.FileAlreadyExistsException
                        ? OutputException.Reason.NO_DIRECTORY : IoErrors.classify(e), target, IoErrors.reason(e));
            }
            if (!Files.isDirectory(realParent)) {
                throw new OutputException(OutputException.Reason.NO_DIRECTORY, target, "not a directory");
            }
            p = realParent.resolve(p.getFileName());
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (java.nio.file.NoSuchFileException e) {
                return p; // a new file
            } catch (IOException e) {
                throw new OutputException(IoErrors.classify(e), target, IoErrors.reason(e));
            }
            if (a.isSymbolicLink()) {
                try {
                    p = parent(p).resolve(Files.readSymbolicLink(p)).normalize();
                } catch (IOException e) {
                    throw new OutputException(IoErrors.classify(e), target, IoErrors.reason(e));
                }
                continue;
            }
            if (!a.isRegularFile()) {
                throw new OutputException(OutputException.Reason.NOT_A_REGULAR_FILE, target, kind(p, a));
            }
            return p;
        }
    }

    private static Path parent(Path p) {
        Path parent = p.getParent();
        return parent == null ? p.getRoot() : parent;
    }

    /** @return what a non-regular file is: directory, FIFO, socket, character device, block device */
    static String kind(Path p, BasicFileAttributes a) {
        if (a.isDirectory()) {
            return "directory";
        }
        try {
            Object mode = Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            if (mode instanceof Integer m) {
                switch (m & 0170000) {
                    case 0010000:
                        return "FIFO (named pipe)";
                    case 0020000:
                        return "character device";
                    case 0060000:
                        return "block device";
                    case 0140000:
                        return "socket";
                    default:
                        break;
                }
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // no unix view: say what we know
        }
        return "special file";
    }

    private static void refuseInputs(Path target, Path real, Collection<Path> inputs) throws OutputException {
        if (inputs == null || !Files.exists(real)) {
            return;
        }
        for (Path in : inputs) {
            if (in == null || isStdout(in)) {
                continue;
            }
            boolean same;
            try {
                same = Files.exists(in) && Files.isSameFile(in, real);
            } catch (IOException e) {
                same = false; // an input we cannot stat cannot be the target we can
            }
            if (same) {
                throw new OutputException(OutputException.Reason.SAME_AS_INPUT, target, in.toString());
            }
        }
    }

    private static String tempName(String name) {
        String keep = name.length() > NAME_KEEP ? name.substring(0, NAME_KEEP) : name;
        StringBuilder r = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            r.append(Character.forDigit(RANDOM.nextInt(36), 36));
        }
        return "." + keep + "." + ProcessHandle.current().pid() + "." + r + TMP_SUFFIX;
    }

    private static FileLock tryLock(FileChannel ch) {
        try {
            return ch.tryLock();
        } catch (IOException | OverlappingFileLockException | UnsupportedOperationException e) {
            return null; // no locks here: the sweep falls back to age
        }
    }

    private static PosixFileAttributes posixAttributes(Path real) {
        try {
            return Files.readAttributes(real, PosixFileAttributes.class);
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    private static void copyOwnershipAndMode(PosixFileAttributes existing, Path tmp) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        try {
            PosixFileAttributes now = view.readAttributes();
            if (!now.group().equals(existing.group())) {
                view.setGroup(existing.group());
            }
            if (!now.owner().equals(existing.owner())) {
                view.setOwner(existing.owner());
            }
        } catch (IOException e) {
            // only privileged users may give files away; the permission bits still follow
        }
        view.setPermissions(existing.permissions());
    }

    private static void move(Path tmp, Path real) throws IOException {
        try {
            Files.move(tmp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, real, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Forces the directory entry (the rename) to disk where the platform allows opening a directory. */
    private static void forceDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows and some file systems cannot open or sync a directory; the rename is done
        }
    }

    /**
     * Deletes kpp's stale temporary files in a directory: not locked by any process, and either
     * written by a process that no longer runs or older than {@link #STALE_UNLOCKED}; where locks
     * are unsupported, older than {@link #STALE_ANYWAY}.
     *
     * @return how many were deleted
     */
    static int sweep(Path dir, Instant now) {
        int deleted = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "." + "*" + TMP_SUFFIX)) {
            for (Path p : ds) {
                if (ACTIVE.contains(p)) {
                    continue;
                }
                java.util.regex.Matcher m = TMP_NAME.matcher(p.getFileName().toString());
                if (m.matches() && stale(p, Long.parseLong(m.group(1)), now)) {
                    try {
                        Files.deleteIfExists(p);
                        deleted++;
                    } catch (IOException e) {
                        // not ours to delete after all (permissions): leave it
                    }
                }
            }
        } catch (IOException | java.nio.file.DirectoryIteratorException e) {
            // an unreadable directory: the write itself will say so
        }
        return deleted;
    }

    private static boolean stale(Path p, long pid, Instant now) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return false;
        }
        if (!a.isRegularFile()) {
            return false;
        }
        FileTime m = a.lastModifiedTime();
        Duration age = Duration.between(m.toInstant(), now);
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
            FileLock l = ch.tryLock();
            if (l == null) {
                return false; // another process is writing it
            }
            l.release();
            // unlocked: its writer is gone, unless it is a live one between creating and locking it
            return !alive(pid) || age.compareTo(STALE_UNLOCKED) >= 0;
        } catch (OverlappingFileLockException e) {
            return false; // this JVM is writing it
        } catch (IOException | UnsupportedOperationException e) {
            return age.compareTo(STALE_ANYWAY) >= 0;
        }
    }

    /** @return true when a process with this id runs (this one counts as gone: its writes are in {@link #ACTIVE}) */
    private static boolean alive(long pid) {
        if (pid == ProcessHandle.current().pid()) {
            return false;
        }
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static void deleteActive() {
        for (Path p : ACTIVE) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // best effort while the JVM exits; the next write's sweep removes it
            }
        }
    }

    /** Keeps content writers from closing the channel (or the caller's standard output). */
    private static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
