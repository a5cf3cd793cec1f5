package io.docindexer.index;

/**
 * OpenSearch refused a search as asked (4xx): the search template is not stored under its id, or
 * does not render to a valid search with the params given. Retrying the same search fails the
 * same way.
 */
public class SearchRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SearchRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
