package io.docindexer.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.docindexer.batch.BatchObserver;
import io.docindexer.batch.BatchProcessor;
import io.docindexer.batch.LoggingObserver;
import io.docindexer.batch.SqsDeadLetterQueue;
import io.docindexer.batch.SqsSourceQueue;
import io.docindexer.cache.ExtractionCache;
import io.docindexer.cache.S3ExtractionCache;
import io.docindexer.config.IngestConfig;
import io.docindexer.event.S3EventParser;
import io.docindexer.extract.DocumentExtractor;
import io.docindexer.extract.ExtractionLimits;
import io.docindexer.index.OpenSearchDocumentIndex;
import io.docindexer.ocr.TesseractOcrEngine;
import io.docindexer.source.S3DocumentSource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Wires the ingest pipeline from its configuration: every client, pool and native engine is
 * created here once per container (and so captured by a SnapStart snapshot), never per record.
 */
public final class IngestComponents implements AutoCloseable {

    /** Downloads wait on the network, so more workers than cores keep the cores busy. */
    private static final int MIN_WORKERS = 4;

    private final AwsClients aws;
    private final OpenSearchDocumentIndex index;
    private final TesseractOcrEngine ocr;
    private final DocumentExtractor extractor;
    private final ExecutorService workers;
    private final BatchProcessor processor;

    private IngestComponents(IngestConfig config, BatchObserver observer) {
        ObjectMapper json = new ObjectMapper();
        this.aws = new AwsClients(config);
        this.index = OpenSearchDocumentIndex.create(config.openSearchEndpoint(), config.openSearchService(), config.indexName());
        this.ocr = TesseractOcrEngine.fromEnvironment(config.ocrLanguages());
        this.extractor = new DocumentExtractor(new ExtractionLimits(
                config.maxObjectBytes(), config.maxPages(), config.maxPixelsPerPage(), config.maxChars()), ocr);
        this.workers = Executors.newFixedThreadPool(
                Math.max(MIN_WORKERS, Runtime.getRuntime().availableProcessors()), IngestComponents::daemon);
        ObjectEventPreparer preparer = new ObjectEventPreparer(
                new S3EventParser(json),
                new S3DocumentSource(aws.s3(), Path.of(System.getProperty("java.io.tmpdir")), config.maxObjectBytes()),
                extractor,
                config.cacheBucket().<ExtractionCache>map(bucket -> new S3ExtractionCache(aws.s3(), bucket))
                        .orElse(ExtractionCache.NONE),
                Clock.systemUTC());
        this.processor = new BatchProcessor(preparer, index, new SqsDeadLetterQueue(aws.sqs(), config.dlqUrl()),
                new SqsSourceQueue(aws.sqs()), workers, observer);
    }

    /** The Lambda wiring: JSON log lines on stdout. */
    public static IngestComponents create(IngestConfig config) {
        return create(config, new LoggingObserver(new ObjectMapper(), System.out));
    }

    public static IngestComponents create(IngestConfig config, BatchObserver observer) {
        return new IngestComponents(config, observer);
    }

    public BatchProcessor processor() {
        return processor;
    }

    /** A handler over these components, for local runs that drive it like Lambda does. */
    public IngestHandler handler() {
        return new IngestHandler(processor);
    }

    public OpenSearchDocumentIndex index() {
        return index;
    }

    private static Thread daemon(Runnable runnable) {
        Thread thread = new Thread(runnable, "ingest-worker");
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void close() throws Exception {
        workers.shutdownNow();
        try (aws; index; ocr; extractor) {
            // closes all four, in reverse order, even if one fails
        }
    }
}
