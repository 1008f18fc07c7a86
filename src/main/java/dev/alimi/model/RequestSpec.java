package dev.alimi.model;

import java.util.Map;

/**
 * How to ask for a watch's page: GET by default, or POST with a body.
 *
 * @param method      HTTP method, upper case
 * @param body        request body, or null
 * @param contentType content type of the body, or null
 * @param headers     extra headers for this watch only (on top of the site's)
 */
public record RequestSpec(String method, String body, String contentType, Map<String, String> headers) {

    public static final RequestSpec GET = new RequestSpec("GET", null, null, Map.of());

    public RequestSpec {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }
}
