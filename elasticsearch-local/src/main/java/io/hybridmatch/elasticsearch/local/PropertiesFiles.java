package io.hybridmatch.elasticsearch.local;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/** The small state files of a node directory, as Java properties that a shell script can grep. */
final class PropertiesFiles {

    private PropertiesFiles() {
    }

    /** The file's properties, or empty when there is no such file. */
    static Optional<Properties> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return Optional.of(properties);
    }

    /** Replaces the file atomically, so that a reader never sees half of it. */
    static void write(Path file, Properties properties, String comment) throws IOException {
        Path staging = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(staging, StandardCharsets.UTF_8)) {
            properties.store(out, comment);
        }
        Files.move(staging, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
