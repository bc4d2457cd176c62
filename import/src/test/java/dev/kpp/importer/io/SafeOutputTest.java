package dev.kpp.importer.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/** The one writer: never destroys what it was not asked to replace, never leaves temporary files. */
class SafeOutputTest {
    @TempDir
    Path dir;

    private static void write(Path target, String text, Path... inputs) throws OutputException {
        SafeOutput.write(target, List.of(inputs), System.out, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    private List<String> temps() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(SafeOutput.TMP_SUFFIX)).toList();
        }
    }

    @Test
    void replacesAnExistingFileAndKeepsItsPermissionBits() throws IOException {
        Path f = Files.writeString(dir.resolve("a.json"), "old");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
        write(f, "new");
        assertThat(Files.readString(f)).isEqualTo("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-r-----");
        assertThat(temps()).isEmpty();
    }

    @Test
    void aNewFileGetsTheSamePermissionsAsAnyNewFileUnderTheUmask() throws IOException {
        Path reference = Files.createFile(dir.resolve("reference"));
        Path f = dir.resolve("sub/new.json");
        write(f, "x");
        assertThat(Files.getPosixFilePermissions(f)).isEqualTo(Files.getPosixFilePermissions(reference));
    }

    @Test
    void aCharacterDeviceIsRefusedAndLeftAlone() throws IOException {
        Path devNull = Path.of("/dev/null");
        assumeThat(Files.exists(devNull)).isTrue();
        assertThatThrownBy(() -> write(devNull, "snapshot"))
                .isInstanceOfSatisfying(OutputException.class, e -> {
                    assertThat(e.reason()).isEqualTo(OutputException.Reason.NOT_A_REGULAR_FILE);
                    assertThat(e.detail()).isEqualTo("character device");
                })
                .hasMessage("cannot write /dev/null: it is a character device, not a regular file");
        assertThat(Files.isRegularFile(devNull)).isFalse();
        assertThat(Files.getAttribute(devNull, "unix:mode")).matches(m -> (((Integer) m) & 0170000) == 0020000);
    }

    @Test
    void aDirectoryFifoAndSocketAreRefused() throws Exception {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        assertThatThrownBy(() -> write(sub, "x")).hasMessageContaining("it is a directory");

        Path fifo = dir.resolve("fifo");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeThat(mk.waitFor()).isZero();
        assertThatThrownBy(() -> write(fifo, "x")).hasMessageContaining("FIFO");

        Path sock = dir.resolve("s.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(sock));
            assertThatThrownBy(() -> write(sock, "x")).hasMessageContaining("socket");
        }
        assertThat(temps()).isEmpty();
    }

    @Test
    void aSymbolicLinkIsFollowedItsTargetReplacedAndTheLinkKept() throws IOException {
        Path real = Files.writeString(Files.createDirectory(dir.resolve("real")).resolve("t.json"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), Path.of("real/t.json"));
        write(link, "new");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("new");

        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.json"), Path.of("real/created.json"));
        write(dangling, "made");
        assertThat(Files.readString(dir.resolve("real/created.json"))).isEqualTo("made");
        assertThat(Files.isSymbolicLink(dangling)).isTrue();
    }

    @Test
    void aTargetThatIsAnInputIsRefusedHoweverItIsSpelled() throws IOException {
        Path input = Files.writeString(dir.resolve("cluster.json"), "the dump");
        Path spelled = dir.resolve("x/../cluster.json");
        Files.createDirectory(dir.resolve("x"));
        Path link = Files.createSymbolicLink(dir.resolve("alias.json"), input);
        Path hard = Files.createLink(dir.resolve("hard.json"), input);
        for (Path target : List.of(input, spelled, link, hard)) {
            assertThatThrownBy(() -> write(target, "snapshot", input)).as(target.toString())
                    .isInstanceOfSatisfying(OutputException.class,
                            e -> assertThat(e.reason()).isEqualTo(OutputException.Reason.SAME_AS_INPUT));
        }
        assertThat(Files.readString(input)).isEqualTo("the dump");
        assertThat(SafeOutput.check(dir.resolve("other.json"), List.of(input))).isEqualTo(
                dir.toRealPath().resolve("other.json"));
    }

    @Test
    void aFailingWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path f = Files.writeString(dir.resolve("keep.json"), "old");
        assertThatThrownBy(() -> SafeOutput.write(f, List.of(), System.out, out -> {
            out.write(new byte[100_000]);
            throw new IOException("No space left on device");
        })).isInstanceOfSatisfying(OutputException.class, e -> {
            assertThat(e.reason()).isEqualTo(OutputException.Reason.NO_SPACE);
            assertThat(e.getMessage()).isEqualTo("cannot write " + f + ": no space left on the device")
                    .doesNotContain("kpp-tmp").doesNotContain("Exception");
        });
        assertThat(Files.readString(f)).isEqualTo("old");
        assertThat(temps()).isEmpty();
    }

    @Test
    void aMissingDirectoryThatCannotBeCreatedIsOneClearLine() throws IOException {
        Files.writeString(dir.resolve("file"), "x");
        Path target = dir.resolve("file/out.json");
        assertThatThrownBy(() -> write(target, "x")).isInstanceOfSatisfying(OutputException.class, e -> {
            assertThat(e.reason()).isEqualTo(OutputException.Reason.NO_DIRECTORY);
            assertThat(e.getMessage()).startsWith("cannot write " + target + ": its directory")
                    .doesNotContain("Exception").doesNotContain("\n");
        });
    }

    @Test
    void dashIsStandardOutput() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SafeOutput.write(Path.of("-"), List.of(), out, o -> o.write("hello".getBytes(StandardCharsets.UTF_8)));
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(Files.exists(Path.of("-"))).isFalse();
    }

    @Test
    void theSweepRemovesOnlyStaleUnlockedTemporaryFilesOfKpp() throws Exception {
        FileTime old = FileTime.from(Instant.now().minusSeconds(3600));
        Path stale = Files.writeString(dir.resolve(".a.json.12345.abcd1234.kpp-tmp"), "half");
        Files.setLastModifiedTime(stale, old);
        // pid 1 runs: a fresh unlocked file of a live process may be between its creation and its lock
        Path fresh = Files.writeString(dir.resolve(".a.json.1.efgh5678.kpp-tmp"), "being created");
        Path dead = Files.writeString(dir.resolve(".a.json.2147483646.dead1234.kpp-tmp"), "writer killed");
        Path locked = Files.writeString(dir.resolve(".a.json.999.lock1234.kpp-tmp"), "held by another process");
        Path foreign = Files.writeString(dir.resolve(".a.json.12345.tmp"), "someone else's");
        Path user = Files.writeString(dir.resolve("notes.kpp-tmp"), "the user's");
        for (Path p : List.of(foreign, user)) {
            Files.setLastModifiedTime(p, old);
        }
        Process holder = LockHolder.start(locked);
        try {
            Files.setLastModifiedTime(locked, old);
            assertThat(SafeOutput.sweep(dir, Instant.now())).isEqualTo(2);
        } finally {
            holder.getOutputStream().close();
            holder.waitFor();
        }
        assertThat(stale).doesNotExist();
        assertThat(dead).doesNotExist();
        assertThat(fresh).exists();
        assertThat(locked).exists();
        assertThat(foreign).exists();
        assertThat(user).exists();
        // once its writer is gone, the held one is stale too; the next write sweeps it
        write(dir.resolve("a.json"), "done");
        assertThat(locked).doesNotExist();
        assertThat(fresh).exists();
    }
}
