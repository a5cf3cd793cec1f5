package io.docindexer.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docindexer.batch.BatchProcessor;
import io.docindexer.config.IngestConfig;
import io.docindexer.invocation.LogContext;
import io.docindexer.invocation.TimeBudget;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Supplier;
import org.crac.Core;
import org.crac.Resource;

/**
 * Lambda entry point for SQS batches of S3 events. Wires everything once per container (and so
 * into a SnapStart snapshot) and answers with the records SQS must redeliver. It reads the event
 * and writes the response itself ({@link SqsEventCodec}) rather than through Lambda's serialiser,
 * which would cost every cold start a quarter of a second. (A {@code CustomPojoSerializer} would
 * keep the typed {@code RequestHandler}, but it replaces the serialiser of every handler in the
 * artifact, the redrive function's included.)
 */
public final class IngestHandler implements RequestStreamHandler {

    /** Kept free at the end of an invocation for the bulk write and the response. */
    static final long SAFETY_MARGIN_MILLIS = 10_000;

    // Asked on every invocation: after a SnapStart restore the components hold a new processor.
    private final Supplier<BatchProcessor> processor;
    private final SqsEventCodec events;
    // Only held, never called: CRaC contexts keep registered resources by weak reference, so an
    // otherwise unreachable resource could be collected before the snapshot. Null when built for a
    // fixed processor (local runs and tests), which never see a snapshot.
    private final Resource snapStartHooks;

    public IngestHandler() {
        this(IngestComponents.create(IngestConfig.fromEnv(System.getenv())));
    }

    private IngestHandler(IngestComponents components) {
        this.processor = components::processor;
        this.events = components.events();
        this.snapStartHooks = new SnapStartHooks(components);
        Core.getGlobalContext().register(snapStartHooks);
    }

    IngestHandler(BatchProcessor processor) {
        this.processor = () -> processor;
        this.events = new SqsEventCodec(new ObjectMapper());
        this.snapStartHooks = null;
    }

    /**
     * @throws IllegalArgumentException when the payload is not an SQS event: the invocation fails,
     *     since there is no record to report as failed
     */
    @Override
    public void handleRequest(InputStream event, OutputStream response, Context context) throws IOException {
        try (LogContext.Scope invocation = LogContext.invocation(context.getAwsRequestId())) {
            List<SQSEvent.SQSMessage> records = events.readRecords(event);
            SQSBatchResponse failures = processor
                    .get()
                    .process(records, new TimeBudget(context::getRemainingTimeInMillis, SAFETY_MARGIN_MILLIS));
            events.writeResponse(failures, response);
        }
    }
}
