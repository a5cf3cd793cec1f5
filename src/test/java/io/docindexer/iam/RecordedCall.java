package io.docindexer.iam;

import java.util.List;

/** A call one of the functions made during the tests. */
sealed interface RecordedCall permits RecordedCall.Aws, RecordedCall.UnknownAws, RecordedCall.OpenSearch {

    DeployedFunction function();

    /** What was called, for reports: {@code Sqs.SendMessage}, {@code OpenSearch PUT /_index_template/documents}. */
    String operation();

    /** An AWS API call, with the permissions it needs on the local resources it named. */
    record Aws(DeployedFunction function, String operation, List<Permission> needs) implements RecordedCall {}

    /** An AWS API call whose permissions the recorder cannot tell: the check fails on it, so none goes unchecked. */
    record UnknownAws(DeployedFunction function, String operation, String why) implements RecordedCall {}

    /**
     * A request to OpenSearch. Which permission it needs depends on what serves it on AWS (a domain
     * or a serverless collection), so that is decided when it is checked.
     *
     * @param path the request's path, without its query
     */
    record OpenSearch(DeployedFunction function, String method, String path) implements RecordedCall {
        @Override
        public String operation() {
            return "OpenSearch " + method + " " + path;
        }
    }
}
