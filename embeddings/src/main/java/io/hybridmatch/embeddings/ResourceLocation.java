package io.hybridmatch.embeddings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a model artefact (ONNX graph, tokenizer.json) is read from: a classpath resource, so a model can ship as
 * a Maven artifact, or a file, so another model is a deployment change rather than a code change.
 */
public sealed interface ResourceLocation {

    String CLASSPATH_PREFIX = "classpath:";

    /** Opens the artefact; the caller closes the stream. */
    InputStream open() throws IOException;

    /** Reads the whole artefact; ONNX Runtime builds a session from bytes when there is no file. */
    default byte[] readAllBytes() {
        try (InputStream in = open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + this, e);
        }
    }

    /**
     * Parses a configuration value: {@code classpath:some/resource.onnx} or a file path.
     * This is the form a property file or environment variable carries.
     */
    static ResourceLocation parse(String location) {
        Objects.requireNonNull(location, "location");
        if (location.startsWith(CLASSPATH_PREFIX)) {
            return new Classpath(location.substring(CLASSPATH_PREFIX.length()));
        }
        return new File(Path.of(location));
    }

    /** A resource resolved by the class loader that loaded this library. */
    record Classpath(String resource) implements ResourceLocation {
        public Classpath {
            Objects.requireNonNull(resource, "resource");
            resource = resource.startsWith("/") ? resource.substring(1) : resource;
        }

        @Override
        public InputStream open() throws IOException {
            InputStream in = ResourceLocation.class.getClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new IOException("Classpath resource not found: " + resource);
            }
            return in;
        }

        @Override
        public String toString() {
            return CLASSPATH_PREFIX + resource;
        }
    }

    /** A file on the local file system. */
    record File(Path path) implements ResourceLocation {
        public File {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(path);
        }

        @Override
        public String toString() {
            return path.toString();
        }
    }
}
