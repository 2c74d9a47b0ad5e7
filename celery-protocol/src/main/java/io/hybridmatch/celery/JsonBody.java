package io.hybridmatch.celery;

import static io.hybridmatch.celery.RejectedMessageException.Reason.BODY_TOO_LARGE;
import static io.hybridmatch.celery.RejectedMessageException.Reason.INVALID_SHAPE;
import static io.hybridmatch.celery.RejectedMessageException.Reason.MALFORMED_JSON;
import static io.hybridmatch.celery.RejectedMessageException.Reason.UNSUPPORTED_CONTENT_ENCODING;
import static io.hybridmatch.celery.RejectedMessageException.Reason.UNSUPPORTED_CONTENT_TYPE;

import java.util.Locale;
import tools.jackson.core.JacksonException;

/**
 * The guarded first step of reading any incoming message: JSON content type and UTF-8 checked before the body is
 * touched (so pickle, yaml or msgpack are never deserialised), size limit checked before parsing, then parsing.
 */
final class JsonBody {

    private JsonBody() {
    }

    static Object read(AmqpProperties properties, byte[] body, int maxBodyBytes) throws RejectedMessageException {
        return read(properties, null, body, maxBodyBytes);
    }

    /**
     * @param compression the {@code compression} header (kombu/message.py decompresses before deserialising), or
     *                    null; the limit applies to the compressed and to the decompressed size
     */
    static Object read(AmqpProperties properties, String compression, byte[] body, int maxBodyBytes)
            throws RejectedMessageException {
        checkContentType(properties);
        if (body == null || body.length == 0) {
            throw new RejectedMessageException(INVALID_SHAPE, "empty body");
        }
        if (body.length > maxBodyBytes) {
            throw new RejectedMessageException(BODY_TOO_LARGE,
                    "body is " + body.length + " bytes, limit is " + maxBodyBytes);
        }
        if (compression != null) {
            body = Compression.named(compression).decompress(body, maxBodyBytes);
        }
        try {
            return CeleryJson.read(body);
        } catch (JacksonException e) {
            throw new RejectedMessageException(MALFORMED_JSON, e.getOriginalMessage());
        }
    }

    private static void checkContentType(AmqpProperties properties) throws RejectedMessageException {
        String contentType = properties == null ? null : properties.contentType();
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals(AmqpProperties.JSON)) {
            String shown = contentType == null ? null : Fields.abbreviate(contentType);
            throw new RejectedMessageException(UNSUPPORTED_CONTENT_TYPE, "content_type '" + shown
                    + "' is not accepted, only application/json; the body was not deserialised");
        }
        String encoding = properties.contentEncoding();
        if (encoding != null && !encoding.equalsIgnoreCase("utf-8") && !encoding.equalsIgnoreCase("utf8")) {
            throw new RejectedMessageException(UNSUPPORTED_CONTENT_ENCODING,
                    "content_encoding '" + Fields.abbreviate(encoding) + "' is not accepted, only utf-8");
        }
    }
}
