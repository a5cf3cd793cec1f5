package io.docindexer.index;

/**
 * OpenSearch refused the request (403): the function's IAM role may not do it. On an existing
 * domain with fine-grained access control that usually means the role is not mapped to an
 * OpenSearch role yet; on a serverless collection, that no data access policy names it. Nothing was
 * applied, and the same request succeeds once an operator grants access, so it is retried like an
 * outage.
 */
public final class IndexAccessDeniedException extends IndexUnavailableException {

    private static final long serialVersionUID = 1L;

    public IndexAccessDeniedException(String message, Throwable cause) {
        super(message, cause);
    }
}
