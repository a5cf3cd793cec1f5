package io.docindexer.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.docindexer.batch.BatchProcessor;
import io.docindexer.batch.TimeBudget;
import io.docindexer.config.IngestConfig;
import java.util.List;
import java.util.function.Supplier;
import org.crac.Core;
import org.crac.Resource;

/**
 * Lambda entry point for SQS batches of S3 events. Wires everything once per container (and so
 * into a SnapStart snapshot) and answers with the records SQS must redeliver.
 */
public final class IngestHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /** Kept free at the end of an invocation for the bulk write and the response. */
    static final long SAFETY_MARGIN_MILLIS = 10_000;

    // Asked on every invocation: after a SnapStart restore the components hold a new processor.
    private final Supplier<BatchProcessor> processor;
    // Only held, never called: CRaC contexts keep registered resources by weak reference, so an
    // otherwise unreachable resource could be collected before the snapshot. Null when built for a
    // fixed processor (local runs and tests), which never see a snapshot.
    private final Resource snapStartHooks;

    public IngestHandler() {
        this(IngestComponents.create(IngestConfig.fromEnv(System.getenv())));
    }

    private IngestHandler(IngestComponents components) {
        this.processor = components::processor;
        this.snapStartHooks = new SnapStartHooks(components);
        Core.getGlobalContext().register(snapStartHooks);
    }

    IngestHandler(BatchProcessor processor) {
        this.processor = () -> processor;
        this.snapStartHooks = null;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSEvent.SQSMessage> records = event.getRecords() == null ? List.of() : event.getRecords();
        return processor.get().process(records, new TimeBudget(context::getRemainingTimeInMillis, SAFETY_MARGIN_MILLIS));
    }
}
