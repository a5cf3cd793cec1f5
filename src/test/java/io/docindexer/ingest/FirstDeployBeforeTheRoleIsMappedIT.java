package io.docindexer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.docindexer.batch.SqsMessages;
import io.docindexer.config.IngestConfig;
import io.docindexer.index.SearchHit;
import io.docindexer.invocation.TimeBudget;
import io.docindexer.local.BucketNotifications;
import io.docindexer.local.LocalServers;
import io.docindexer.local.LocalServersExtension;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The first deploy against a domain with fine-grained access control, on the real local
 * OpenSearch behind a proxy that refuses the function until its role is mapped. The whole ingest
 * wiring runs: init completes, the file's record is retried, and after the mapping and a
 * SnapStart restore (new clients) its next delivery creates the template, the index and its alias
 * and indexes the file.
 */
@ExtendWith(LocalServersExtension.class)
class FirstDeployBeforeTheRoleIsMappedIT {

    private static final String KEY = "first-deploy/zephyr.txt";
    private static final byte[] TEXT = "Quarterly zephyr figures".getBytes(StandardCharsets.UTF_8);

    @Test
    void aFileUploadedBeforeTheRoleIsMappedIsIndexedOnItsFirstDeliveryAfterTheMapping(LocalServers stack)
            throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        // An index of its own: the shared server already holds the other tests' index.
        String indexName = "first-deploy-" + run;
        LocalServers.Queues queues = stack.createQueues("first-deploy-" + run, 60, 5);
        stack.s3().putObject(request -> request.bucket(LocalServers.BUCKET).key(KEY), RequestBody.fromBytes(TEXT));
        String notification = new BucketNotifications(stack.sqs(), queues.queueUrl())
                .body("ObjectCreated:Put", LocalServers.BUCKET, KEY, (long) TEXT.length, null);

        try (RefusingOpenSearchProxy openSearch = RefusingOpenSearchProxy.inFrontOf(stack.openSearchEndpoint());
                IngestComponents ingest =
                        IngestComponents.create(config(stack, queues, openSearch, indexName), report -> {})) {

            SQSBatchResponse refused = ingest.processor().process(delivery(notification, 1), plentyOfTime());

            assertThat(refused.getBatchItemFailures())
                    .extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                    .containsExactly("m1");
            assertThat(openSearch.refused())
                    .as("one attempt at init, one for the batch")
                    .containsExactly("GET /_cat/plugins", "GET /_cat/plugins");

            openSearch.mapRole();
            ingest.reconnect();
            SQSBatchResponse indexed = ingest.processor().process(delivery(notification, 2), plentyOfTime());

            assertThat(indexed.getBatchItemFailures()).isEmpty();
            assertThat(openSearch.forwarded())
                    .containsExactly(
                            "GET /_cat/plugins",
                            "PUT /_index_template/" + indexName,
                            "PUT /_scripts/" + indexName + "-search",
                            "PUT /" + indexName + "-v2",
                            "PUT /" + indexName + "-v2/_mapping",
                            "GET /_alias/" + indexName,
                            "POST /_aliases",
                            "POST /_bulk");
            ingest.index().refresh();
            assertThat(ingest.index().search("zephyr", 5))
                    .extracting(SearchHit::key)
                    .containsExactly(KEY);
        }
    }

    private static IngestConfig config(
            LocalServers stack, LocalServers.Queues queues, RefusingOpenSearchProxy openSearch, String indexName) {
        Map<String, String> env = new HashMap<>(stack.ingestEnvironment(queues));
        env.put(IngestConfig.OPENSEARCH_ENDPOINT, openSearch.endpoint().toString());
        env.put(IngestConfig.INDEX_NAME, indexName);
        return IngestConfig.fromEnv(env);
    }

    /** The record as Lambda hands it over on its {@code receiveCount}th delivery. */
    private static List<SQSMessage> delivery(String body, int receiveCount) {
        List<SQSMessage> messages = SqsMessages.firstDeliveries(body);
        messages.get(0).getAttributes().put("ApproximateReceiveCount", Integer.toString(receiveCount));
        return messages;
    }

    private static TimeBudget plentyOfTime() {
        return new TimeBudget(() -> 300_000, 10_000);
    }
}
