package dev.kpp.importer.cache;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.kpp.importer.io.SafeOutput;
import dev.kpp.model.calibration.Calibration;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Keeps the calibration fit on disk, so a process restores it in milliseconds instead of fitting
 * for a second. One JSON file per fit, {@code calibration-<dataset>-m<model version>-<code>.json}
 * in the user's cache directory: keyed by the dataset's SHA-256, {@link Calibration#MODEL_VERSION}
 * and a hash of the model's own code (its jar, or its class files), so a changed dataset, another
 * kpp or a rebuilt model never restores a fit that is not its own. An entry that is missing,
 * unreadable, corrupt or of another key is ignored; the fit is then computed and the entry
 * rewritten atomically ({@link SafeOutput}). A cache that cannot be written costs only the time.
 */
public final class CalibrationCache implements Calibration.Store {
    private static final String KIND = "kpp-calibration";
    /** Entries kept when a new one is written (other kpp builds or datasets on the same machine). */
    static final int KEEP = 4;
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build()).build();
    private static volatile String codeHash;

    private final Path dir;

    /** @param dir the directory that holds the entries (created when the first one is written) */
    public CalibrationCache(Path dir) {
        this.dir = dir;
    }

    /**
     * The user's cache: {@code KPP_CACHE_DIR} (or {@code -Dkpp.cache.dir}) when set,
     * {@code $XDG_CACHE_HOME/kpp} or {@code ~/.cache/kpp} on Linux, {@code ~/Library/Caches/kpp} on
     * macOS, {@code %LOCALAPPDATA%\kpp\cache} on Windows. {@code KPP_CACHE_DIR=off} disables it.
     *
     * @return the cache, or empty when disabled or no home directory is known
     */
    public static Optional<CalibrationCache> user() {
        return directory(System.getProperty("kpp.cache.dir", System.getenv("KPP_CACHE_DIR")), System.getenv("XDG_CACHE_HOME"),
                System.getenv("LOCALAPPDATA"), System.getProperty("user.home"), System.getProperty("os.name", ""))
                .map(CalibrationCache::new);
    }

    static Optional<Path> directory(String explicit, String xdg, String localAppData, String home, String os) {
        if (explicit != null && !explicit.isBlank()) {
            return explicit.equalsIgnoreCase("off") ? Optional.empty() : Optional.of(Path.of(explicit));
        }
        String o = os.toLowerCase(Locale.ROOT);
        if (o.contains("win") && localAppData != null && !localAppData.isBlank()) {
            return Optional.of(Path.of(localAppData, "kpp", "cache"));
        }
        if (home == null || home.isBlank() || home.equals("?")) {
            return Optional.empty();
        }
        if (o.contains("mac")) {
            return Optional.of(Path.of(home, "Library", "Caches", "kpp"));
        }
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Optional.of(Path.of(xdg, "kpp"));
        }
        return Optional.of(Path.of(home, ".cache", "kpp"));
    }

    /**
     * Installs the user's cache for {@link Calibration#embedded()} (the composition roots call this
     * once, before the first calibration is needed). Cheap: nothing is read until then.
     */
    public static void installUserCache() {
        user().ifPresent(Calibration::useStore);
    }

    /** @return the directory of the entries */
    public Path directory() {
        return dir;
    }

    /** @return the entry for a dataset (whether or not it exists) */
    public Path file(String datasetSha256) {
        return dir.resolve("calibration-" + datasetSha256.substring(0, Math.min(16, datasetSha256.length())) + "-m"
                + Calibration.MODEL_VERSION + "-" + codeHash().substring(0, 12) + ".json");
    }

    @Override
    public Optional<Map<String, Object>> load(String datasetSha256) {
        Path f = file(datasetSha256);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(f);
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
        try (JsonParser p = JSON.createParser(bytes)) {
            if (!(read(p, p.nextToken()) instanceof Map<?, ?> root) || p.nextToken() != null) {
                return Optional.empty();
            }
            if (!KIND.equals(root.get("kind")) || !codeHash().equals(root.get("code"))
                    || !(root.get("calibration") instanceof Map<?, ?> values)) {
                return Optional.empty();
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> v = (Map<String, Object>) values;
            return Optional.of(v);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // corrupt: the caller fits and rewrites it
        }
    }

    @Override
    public void save(String datasetSha256, Map<String, Object> values) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("kind", KIND);
        root.put("code", codeHash());
        root.put("calibration", values);
        Path f = file(datasetSha256);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 18);
            try (JsonGenerator g = JSON.createGenerator(out)) {
                write(g, root);
            }
            Files.createDirectories(dir);
            SafeOutput.writeBytes(f, out.toByteArray());
            prune(f);
        } catch (IOException | SecurityException e) { // OutputException is an IOException
            // a read-only or full cache directory: the next process fits again
        }
    }

    /** Deletes the oldest entries beyond {@link #KEEP}, never the one just written. */
    private void prune(Path keep) throws IOException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "calibration-*.json")) {
            ds.forEach(entries::add);
        }
        if (entries.size() <= KEEP) {
            return;
        }
        entries.sort((a, b) -> modified(b).compareTo(modified(a)));
        for (Path p : entries.subList(KEEP, entries.size())) {
            if (!p.equals(keep)) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /**
     * A hash of the model's code: the jar that holds {@link Calibration} (its entries' names, sizes
     * and CRCs) or, run from a build directory, every class file under it, so a rebuilt model with
     * the same version still refits.
     */
    static String codeHash() {
        String h = codeHash;
        if (h == null) {
            h = hashCode(Calibration.class.getProtectionDomain().getCodeSource());
            codeHash = h;
        }
        return h;
    }

    private static String hashCode(CodeSource cs) {
        Path where;
        try {
            where = cs == null ? null : Path.of(cs.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            where = null;
        }
        return codeHash(where);
    }

    /** @return the code hash of a jar or class directory (null: the {@link Calibration} class's own bytes) */
    static String codeHash(Path where) {
        MessageDigest md = sha256();
        md.update(("model-version " + Calibration.MODEL_VERSION + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            if (where != null && Files.isRegularFile(where)) {
                digestJar(md, where);
            } else if (where != null && Files.isDirectory(where)) {
                List<Path> files;
                try (Stream<Path> s = Files.walk(where)) {
                    files = s.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path f : files) {
                    md.update(where.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                    digest(md, f);
                }
            } else {
                // no readable code source: the class's own bytes at least
                try (InputStream in = Calibration.class.getResourceAsStream("Calibration.class")) {
                    if (in != null) {
                        md.update(in.readAllBytes());
                    }
                }
            }
        } catch (IOException | IllegalArgumentException | SecurityException e) {
            md.update(("unreadable " + e.getClass().getName()).getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * A jar by its central directory: every entry's name, size and CRC-32, in the jar's order. Any
     * change to a class or resource changes its CRC, and reading the directory (a few KB, already
     * mapped by the class loader) instead of hashing the whole jar keeps the check off the start-up
     * time. A file that is not a readable zip is hashed byte for byte.
     */
    private static void digestJar(MessageDigest md, Path jar) throws IOException {
        try (ZipFile z = new ZipFile(jar.toFile())) {
            ByteBuffer b = ByteBuffer.allocate(16);
            Enumeration<? extends ZipEntry> en = z.entries();
            while (en.hasMoreElements()) {
                ZipEntry e = en.nextElement();
                md.update(e.getName().getBytes(StandardCharsets.UTF_8));
                b.clear();
                b.putLong(e.getSize()).putLong(e.getCrc());
                md.update(b.array(), 0, 16);
            }
        } catch (ZipException e) {
            digest(md, jar);
        }
    }

    private static void digest(MessageDigest md, Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    // ---------------------------------------------------------------- plain values <-> JSON

    private static Object read(JsonParser p, JsonToken t) throws IOException {
        if (t == null) {
            throw new IOException("truncated");
        }
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                JsonToken n;
                while ((n = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String k = p.currentName();
                    m.put(k, read(p, p.nextToken()));
                }
                if (n != JsonToken.END_OBJECT) {
                    throw new IOException("truncated");
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                JsonToken n;
                while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
                    l.add(read(p, n));
                }
                return l;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT -> {
                return p.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return p.getDoubleValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IOException("unexpected " + t);
        }
    }

    private static void write(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Integer i) {
            g.writeNumber(i.longValue());
        } else if (v instanceof Double d) {
            if (!Double.isFinite(d)) {
                g.writeString(d.toString());
            } else {
                g.writeNumber(d); // Double.toString: the shortest decimal that reads back to this double
            }
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List<?> l) {
            g.writeStartArray();
            for (Object x : l) {
                write(g, x);
            }
            g.writeEndArray();
        } else {
            throw new IllegalArgumentException("not a plain value: " + v.getClass().getName());
        }
    }
}
