package io.hybridmatch.security;

import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;

/**
 * The project's problem types, {@code urn:hybridmatch:problem:<name>}, which clients branch on. An error without a
 * type of its own (Spring's and Tomcat's: 405, 415, ...) gets one named after its status, never {@code about:blank}.
 */
public final class ProblemTypes {

    public static final String PREFIX = "urn:hybridmatch:problem:";

    private ProblemTypes() {
    }

    public static URI named(String name) {
        return URI.create(PREFIX + name);
    }

    /** E.g. 415: {@code urn:hybridmatch:problem:unsupported-media-type}; an unknown status: {@code http-<status>}. */
    public static URI forStatus(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return named(known == null ? "http-" + status
                : known.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
    }
}
