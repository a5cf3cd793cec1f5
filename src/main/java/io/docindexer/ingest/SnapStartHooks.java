package io.docindexer.ingest;

import java.io.IOException;
import org.crac.Context;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Lambda SnapStart runs around the snapshot of an initialised container (it calls org.crac
 * resources). Before: prime the ingest path, so the classes it needs are loaded and initialised
 * in the snapshot rather than in the first invocation after every restore. After: replace the
 * network clients, whose pooled connections were captured with the memory and are dead in the
 * restored process. An exception here fails the version's publication (before) or the restore
 * (after), which is louder than failing batches later.
 */
final class SnapStartHooks implements Resource {

    private static final Logger LOG = LoggerFactory.getLogger(SnapStartHooks.class);

    private final IngestComponents components;

    SnapStartHooks(IngestComponents components) {
        this.components = components;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) throws IOException {
        long started = System.nanoTime();
        int bulkBytes = components.prime().length();
        LOG.info(
                "SnapStart: primed the ingest path before the snapshot in {} ms (bulk body of {} chars built, not sent)",
                (System.nanoTime() - started) / 1_000_000,
                bulkBytes);
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) throws IOException {
        long started = System.nanoTime();
        components.reconnect();
        LOG.info(
                "SnapStart: new SDK and OpenSearch clients after the restore in {} ms",
                (System.nanoTime() - started) / 1_000_000);
    }
}
