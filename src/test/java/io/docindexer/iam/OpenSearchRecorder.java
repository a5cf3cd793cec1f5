package io.docindexer.iam;

import io.docindexer.local.InterceptingHttpProxy;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/**
 * A proxy in front of the local OpenSearch that records every request through it as the ingest
 * function's: only the ingest function's environment names it (see
 * {@code LocalServers.ingestEnvironment}); the harness talks to the server directly. Requests a
 * test sends through the function's own client, such as searching to see what was indexed, are
 * recorded too; they read the same domain the function's grant covers.
 */
public final class OpenSearchRecorder {

    private OpenSearchRecorder() {}

    public static InterceptingHttpProxy inFrontOf(URI openSearch) throws IOException {
        return InterceptingHttpProxy.start(
                openSearch,
                head -> {
                    RecordedCalls.add(
                            new RecordedCall.OpenSearch(DeployedFunction.INGEST, head.method(), path(head.target())));
                    return Optional.empty();
                },
                "opensearch-recorder");
    }

    /** The path of a request target, which is what IAM authorises (the query is not part of the resource). */
    static String path(String target) {
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }
}
