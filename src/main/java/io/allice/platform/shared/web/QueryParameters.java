package io.allice.platform.shared.web;

import io.allice.platform.shared.error.ApiException;
import jakarta.servlet.http.HttpServletRequest;

/** Checks of query parameters that Spring's binding lets through. */
public final class QueryParameters {

    private QueryParameters() {
    }

    /**
     * Raises a 400 when an optional integer parameter is given without a value, as in
     * {@code ?rendition=}. Spring binds an empty value as if the parameter were absent, which
     * would quietly serve something the client did not ask for.
     */
    public static void rejectEmptyInteger(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        if (value != null && value.isBlank()) {
            throw ApiException.invalidField(name, "must be an integer, not '" + value + "'");
        }
    }
}
