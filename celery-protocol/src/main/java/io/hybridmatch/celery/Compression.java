package io.hybridmatch.celery;

import static io.hybridmatch.celery.RejectedMessageException.Reason.BODY_TOO_LARGE;
import static io.hybridmatch.celery.RejectedMessageException.Reason.MALFORMED_COMPRESSION;
import static io.hybridmatch.celery.RejectedMessageException.Reason.UNSUPPORTED_COMPRESSION;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

/**
 * kombu's message compression (kombu/compression.py): the publisher sets the {@code compression} header to the
 * method's content type and compresses the serialized body. Names and aliases as kombu registers them:
 * {@code application/x-gzip} (aliases gzip, zlib — a zlib stream despite the name), {@code application/x-bz2}
 * (bzip2, bzip) and {@code application/x-lzma} (lzma, xz — Python's {@code lzma.compress}, the xz container).
 * Brotli and zstd exist only when their Python packages are installed (they are not on Debian's Celery).
 */
public enum Compression {
    ZLIB("application/x-gzip"),
    BZIP2("application/x-bz2"),
    LZMA("application/x-lzma");

    private static final Map<String, Compression> NAMES = Map.of(
            "application/x-gzip", ZLIB, "gzip", ZLIB, "zlib", ZLIB,
            "application/x-bz2", BZIP2, "bzip2", BZIP2, "bzip", BZIP2,
            "application/x-lzma", LZMA, "lzma", LZMA, "xz", LZMA);

    private final String contentType;

    Compression(String contentType) {
        this.contentType = contentType;
    }

    /** The {@code compression} header value kombu writes. */
    public String contentType() {
        return contentType;
    }

    /** The method a {@code compression} header (content type or alias, as kombu accepts) names. */
    public static Compression named(String header) throws RejectedMessageException {
        Compression method = NAMES.get(header.strip().toLowerCase(Locale.ROOT));
        if (method == null) {
            throw new RejectedMessageException(UNSUPPORTED_COMPRESSION, "compression '" + Fields.abbreviate(header)
                    + "' is not supported, only zlib (application/x-gzip), bzip2 and lzma");
        }
        return method;
    }

    /**
     * The decompressed body, refused once it would exceed {@code maxBytes}: a small compressed body can expand to
     * gigabytes (a zip bomb), so the output is bounded while it is produced, never after.
     */
    public byte[] decompress(byte[] body, int maxBytes) throws RejectedMessageException {
        try (InputStream in = open(new ByteArrayInputStream(body))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, Math.max(64, body.length * 4)));
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) != -1; ) {
                if (out.size() + n > maxBytes) {
                    throw new RejectedMessageException(BODY_TOO_LARGE, "body decompresses (" + contentType
                            + ") to more than the limit of " + maxBytes + " bytes; not parsed");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new RejectedMessageException(MALFORMED_COMPRESSION,
                    "body is not valid " + contentType + " data: " + e.getMessage());
        }
    }

    /** The body compressed as kombu's publisher does ({@code zlib.compress}, {@code bz2.compress}, {@code lzma.compress}). */
    public byte[] compress(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream stream = switch (this) {
            case ZLIB -> new DeflaterOutputStream(out);
            case BZIP2 -> new BZip2CompressorOutputStream(out);
            case LZMA -> new XZOutputStream(out, new LZMA2Options());
        }) {
            stream.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory streams: cannot happen
        }
        return out.toByteArray();
    }

    private InputStream open(InputStream raw) throws IOException {
        return switch (this) {
            case ZLIB -> new InflaterInputStream(raw);
            case BZIP2 -> new BZip2CompressorInputStream(raw);
            case LZMA -> new XZInputStream(raw);
        };
    }
}
