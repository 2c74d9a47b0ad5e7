package io.hybridmatch.elasticsearch.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Enumeration;
import java.util.Properties;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Elasticsearch integ-test-zip that Maven downloaded as a dependency of this module, and its
 * unpacked copy in the local cache (unpacked once, reused by every later start).
 *
 * <p>The zip's path is written into {@code elasticsearch-distribution.properties} at build time;
 * {@code -Delasticsearch.distribution.zip} overrides it.
 */
public final class ElasticsearchDistribution {

    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> EXECUTABLE = DIRECTORY;
    private static final Set<PosixFilePermission> REGULAR = PosixFilePermissions.fromString("rw-r--r--");

    private final String version;
    private final Path zip;

    private ElasticsearchDistribution(String version, Path zip) {
        this.version = version;
        this.zip = zip;
    }

    /** The distribution this module was built against. */
    public static ElasticsearchDistribution fromBuild() {
        Properties build = new Properties();
        try (InputStream in = ElasticsearchDistribution.class.getResourceAsStream("/elasticsearch-distribution.properties")) {
            if (in == null) {
                throw new IllegalStateException("elasticsearch-distribution.properties missing from the classpath");
            }
            build.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path zip = Path.of(System.getProperty("elasticsearch.distribution.zip", build.getProperty("zip")));
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("Elasticsearch distribution not found at " + zip
                    + "; run `mvn -pl elasticsearch-local install` to let Maven fetch it,"
                    + " or pass -Delasticsearch.distribution.zip=PATH");
        }
        return new ElasticsearchDistribution(build.getProperty("version"), zip);
    }

    public String version() {
        return version;
    }

    public Path zip() {
        return zip;
    }

    /**
     * Returns the Elasticsearch home under {@code cacheDir}, unpacking the zip first if needed.
     * A file lock serialises JVMs that start nodes at the same time; the home appears atomically.
     */
    public Path unpackedHome(Path cacheDir) throws IOException {
        Path home = cacheDir.resolve("elasticsearch-" + version);
        if (Files.isDirectory(home)) {
            return home;
        }
        Files.createDirectories(cacheDir);
        try (FileChannel lockFile = FileChannel.open(cacheDir.resolve(".unpack.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = lockFile.lock()) {
            if (!Files.isDirectory(home)) {
                Path staging = Files.createTempDirectory(cacheDir, ".unpacking-");
                try {
                    Files.setPosixFilePermissions(staging, DIRECTORY);
                    unzip(staging);
                    Files.move(staging.resolve("elasticsearch-" + version), home, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    FileTrees.deleteRecursively(staging);
                }
            }
        }
        return home;
    }

    // Permissions are set explicitly: the node may run as another user, and java.util.zip
    // does not restore the executable bit of the launcher scripts.
    private void unzip(Path target) throws IOException {
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = archive.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path destination = target.resolve(entry.getName()).normalize();
                if (!destination.startsWith(target)) {
                    throw new IOException("zip entry escapes the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                    Files.setPosixFilePermissions(destination, DIRECTORY);
                    continue;
                }
                Files.createDirectories(destination.getParent());
                Files.setPosixFilePermissions(destination.getParent(), DIRECTORY);
                try (InputStream in = archive.getInputStream(entry)) {
                    Files.copy(in, destination);
                }
                boolean script = destination.getParent().getFileName().toString().equals("bin");
                Files.setPosixFilePermissions(destination, script ? EXECUTABLE : REGULAR);
            }
        }
    }
}
