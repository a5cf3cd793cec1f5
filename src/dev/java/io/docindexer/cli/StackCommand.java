package io.docindexer.cli;

import io.docindexer.local.LocalBinding;
import io.docindexer.local.LocalPipeline;
import io.docindexer.local.LocalServers;
import io.docindexer.local.SamLocalInvokeSetup;
import io.docindexer.local.searchpage.SearchPage;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Keeps the local stack running on fixed ports until stopped, where SAM's function containers
 * reach it ({@link LocalBinding#forContainers()}), with the samples in its bucket and an env-vars
 * file for {@code sam local invoke}: the AWS side of
 * {@code sam local invoke IngestFunction -e events/s3-put.json} (samconfig.toml passes the file and
 * the container's name for the Docker host). The ingest handler polls the stack's queue as the
 * event source mapping would, has the samples indexed before anything is printed, and the
 * {@link SearchPage search page} shows them.
 */
final class StackCommand {

    private static final Path ENV_VARS = SamLocalInvokeSetup.ENV_VARS_FILE;
    /** Beside ElasticMQ's and S3Proxy's ports, and the same every run, so a bookmark keeps working. */
    private static final int SEARCH_PAGE_PORT = 9326;

    private static final Duration INDEXING_PATIENCE = Duration.ofMinutes(5);

    private final PrintStream out;

    StackCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> args) throws Exception {
        if (!args.isEmpty()) {
            throw new UsageException("stack takes no arguments; it runs until you stop it with Ctrl-C");
        }
        List<Path> samples = DocumentFolder.samples().files();
        out.println("Starting the local stack on fixed ports: ElasticMQ, S3Proxy and OpenSearch (about 30 s)...");
        CountDownLatch stopRequested = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        try (LocalServers stack = LocalServers.start(LocalBinding.forContainers())) {
            LocalServers.Queues queues = SamLocalInvokeSetup.prepare(stack, samples, ENV_VARS);
            try (LocalPipeline pipeline = LocalPipeline.start(stack, queues);
                    SearchPage page = indexAndServe(stack, pipeline, samples)) {
                printWhatIsRunning(stack, queues, samples.size());
                out.println("search page: " + page.address());
                // Ctrl-C runs shutdown hooks: let this thread close the stack, and the JVM wait for it.
                Runtime.getRuntime()
                        .addShutdownHook(new Thread(
                                () -> {
                                    stopRequested.countDown();
                                    awaitQuietly(stopped);
                                },
                                "stack-shutdown"));
                stopRequested.await();
                out.println("Stopping the local stack.");
            } finally {
                Files.deleteIfExists(ENV_VARS);
            }
        } finally {
            stopped.countDown();
        }
        return Main.OK;
    }

    /**
     * Indexes the samples as S3 notifications would have them indexed, then serves the search page,
     * so that the page has something to show from the first query.
     */
    private SearchPage indexAndServe(LocalServers stack, LocalPipeline pipeline, List<Path> samples)
            throws IOException, InterruptedException {
        out.printf("Indexing the %d samples through the ingest queue and the handler...%n", samples.size());
        List<String> messageIds = samples.stream()
                .map(sample -> pipeline.announce(LocalServers.sampleKey(sample)))
                .toList();
        if (!pipeline.awaitFinalOutcomes(messageIds, INDEXING_PATIENCE, done -> {})) {
            out.printf(
                    "Some samples were not indexed within %s; the search page shows what was. The"
                            + " handler's log above says why.%n",
                    INDEXING_PATIENCE);
        }
        pipeline.index().refresh();
        return SearchPage.start(
                new InetSocketAddress(LocalBinding.LOOPBACK, SEARCH_PAGE_PORT),
                pipeline.index(),
                stack.s3(),
                LocalServers.BUCKET,
                LocalServers.THUMBNAIL_BUCKET);
    }

    private void printWhatIsRunning(LocalServers stack, LocalServers.Queues queues, int sampleCount) {
        out.printf(
                """
                The local stack is running until you press Ctrl-C:
                  OpenSearch  %s  (index alias %s)
                  S3          %s  bucket %s with %d files under samples/, cache bucket %s,
                              thumbnail bucket %s
                  SQS         %s
                              ingest queue %s (polled by the ingest handler), DLQ %s
                  env vars    %s  (for sam local invoke; deleted when the stack stops)

                In another terminal, after `sam build`:
                  sam local invoke IngestFunction -e events/s3-put.json
                  sam local invoke RedriveFunction -e events/redrive-status.json
                """,
                stack.openSearchEndpoint(),
                LocalServers.INDEX,
                stack.s3Endpoint(),
                LocalServers.BUCKET,
                sampleCount,
                LocalServers.CACHE_BUCKET,
                LocalServers.THUMBNAIL_BUCKET,
                stack.sqsEndpoint(),
                queues.queueUrl(),
                queues.dlqUrl(),
                ENV_VARS.toAbsolutePath());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
