package org.govchat.platform.web;

import java.net.URI;

/** Stable problem {@code type} URIs; clients and tests rely on them, so they never change. */
public final class ProblemTypes {

    private ProblemTypes() {}

    public static URI of(String slug) {
        return URI.create("/problems/" + slug);
    }

    public static final URI NOT_FOUND = of("not-found");
    public static final URI METHOD_NOT_ALLOWED = of("method-not-allowed");
    public static final URI UNSUPPORTED_MEDIA_TYPE = of("unsupported-media-type");
    public static final URI NOT_ACCEPTABLE = of("not-acceptable");
    public static final URI MALFORMED_REQUEST = of("malformed-request");
    public static final URI INVALID_REQUEST = of("invalid-request");
    public static final URI DATABASE_UNAVAILABLE = of("database-unavailable");
    public static final URI INTERNAL_ERROR = of("internal-error");
}
