package io.docindexer.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.docindexer.batch.Backoff;
import io.docindexer.batch.BatchObserver;
import io.docindexer.batch.BatchProcessor;
import io.docindexer.cache.ExtractionCache;
import io.docindexer.cache.S3ExtractionCache;
import io.docindexer.config.IngestConfig;
import io.docindexer.event.S3EventParser;
import io.docindexer.extract.ArchiveLimits;
import io.docindexer.extract.DocumentExtractor;
import io.docindexer.extract.ExtractionLimits;
import io.docindexer.index.OpenSearchDocumentIndex;
import io.docindexer.observe.EmbeddedMetricsObserver;
import io.docindexer.observe.LoggingObserver;
import io.docindexer.ocr.TesseractOcrEngine;
import io.docindexer.source.S3DocumentSource;
import io.docindexer.sqs.SqsDeadLetterQueue;
import io.docindexer.sqs.SqsSourceQueue;
import io.docindexer.thumbnail.S3ThumbnailStore;
import io.docindexer.thumbnail.ThumbnailStore;
import io.docindexer.thumbnail.ThumbnailTidying;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the ingest pipeline from its configuration: every client, pool and native engine is
 * created here once per container (and so captured by a SnapStart snapshot), never per record.
 */
public final class IngestComponents implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IngestComponents.class);

    /** Downloads wait on the network, so more workers than cores keep the cores busy. */
    private static final int MIN_WORKERS = 4;

    private final IngestConfig config;
    private final BatchObserver observer;
    private final S3EventParser parser;
    private final SqsEventCodec events;
    private final TesseractOcrEngine ocr;
    private final DocumentExtractor extractor;
    private final ExecutorService workers;
    // Replaced by reconnect(), between invocations only; volatile so every thread sees the new one.
    private volatile Connected connected;

    /** Everything that holds network connections, and the batch processor built on it. */
    private record Connected(AwsClients aws, OpenSearchDocumentIndex index, BatchProcessor processor)
            implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try (aws;
                    index) {
                // closes both, even if one fails
            }
        }
    }

    private IngestComponents(IngestConfig config, BatchObserver observer) {
        this.config = config;
        this.observer = observer;
        ObjectMapper json = new ObjectMapper();
        this.parser = new S3EventParser(json);
        this.events = new SqsEventCodec(json);
        this.workers = Executors.newFixedThreadPool(workerThreads(), IngestComponents::daemon);
        // Independent steps of a few hundred ms each (class loading, the index template's
        // requests, the native Tesseract load, Tika's type detector): run side by side, a cold
        // start without SnapStart waits for the slowest instead of their sum.
        Future<OpenSearchDocumentIndex> index = workers.submit(() -> {
            OpenSearchDocumentIndex openSearch = OpenSearchDocumentIndex.connect(
                    config.openSearchEndpoint(), config.openSearchService(), config.indexName());
            IndexPreparationAtInit.prepareOrDefer(openSearch, LOG::warn);
            return openSearch;
        });
        Future<TesseractOcrEngine> ocr =
                workers.submit(() -> TesseractOcrEngine.fromEnvironment(config.ocrLanguages()));
        Future<?> typeDetection = workers.submit(DocumentExtractor::loadTypeDetection);
        AwsClients aws = new AwsClients(config);
        this.ocr = initialised(ocr);
        this.extractor = new DocumentExtractor(extractionLimits(config), this.ocr);
        this.connected = wire(aws, initialised(index));
        initialised(typeDetection);
    }

    /** The limits the function's settings give every extraction. */
    public static ExtractionLimits extractionLimits(IngestConfig config) {
        return new ExtractionLimits(
                config.maxObjectBytes(),
                config.maxPages(),
                config.maxPixelsPerPage(),
                config.maxChars(),
                new ArchiveLimits(config.maxArchiveEntries(), config.maxArchiveBytes(), config.maxArchiveDepth()));
    }

    /** The result of an init step, failing init with the step's own exception (its message lists the problem). */
    private static <T> T initialised(Future<T> step) {
        try {
            return step.get();
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during init", interrupted);
        }
    }

    private Connected wire(AwsClients aws, OpenSearchDocumentIndex index) {
        ThumbnailStore thumbnails = config.thumbnailBucket()
                .<ThumbnailStore>map(bucket -> new S3ThumbnailStore(aws.s3(), bucket))
                .orElse(ThumbnailStore.NONE);
        SqsSourceQueue sourceQueue = new SqsSourceQueue(aws.sqs());
        S3EventPreparer preparer = new S3EventPreparer(
                parser,
                new S3DocumentSource(aws.s3(), Path.of(System.getProperty("java.io.tmpdir")), config.maxObjectBytes()),
                extractor,
                config.cacheBucket()
                        .<ExtractionCache>map(bucket -> new S3ExtractionCache(aws.s3(), bucket))
                        .orElse(ExtractionCache.NONE),
                thumbnails,
                Clock.systemUTC(),
                // Page ranges meet in the cache bucket: without one, big scans are read in one message.
                config.cacheBucket().isPresent() ? config.pagesPerRange() : 0,
                sourceQueue::sendAll);
        BatchProcessor processor = new BatchProcessor(
                preparer,
                new ThumbnailTidying(index, thumbnails),
                new SqsDeadLetterQueue(aws.sqs(), config.dlqUrl()),
                sourceQueue,
                // SecureRandom, unlike Random, draws new numbers in every container restored from
                // one SnapStart snapshot, so their backoffs are not all the same.
                new Backoff(config.backoffFirst(), config.backoffMax(), new SecureRandom()),
                workers,
                observer);
        return new Connected(aws, index, processor);
    }

    /**
     * Replaces the SDK and OpenSearch clients (and what is built on them) with new ones, closing the
     * old. For SnapStart's restore: pooled connections in a snapshot belong to a process that no
     * longer exists. No request is made here: the new index knows whether init prepared it, and
     * if OpenSearch refused then, the first write after the restore prepares it. Call between
     * invocations only.
     */
    public synchronized void reconnect() throws IOException {
        Connected stale = connected;
        connected = wire(
                new AwsClients(config),
                stale.index().reconnected(config.openSearchEndpoint(), config.openSearchService()));
        stale.close();
    }

    /**
     * Runs a record through the whole ingest path with the network cut out (see {@link Priming}),
     * so that SnapStart's snapshot holds loaded and initialised classes.
     *
     * @return the bulk body that was built and not sent
     */
    public String prime() throws IOException {
        return Priming.run(events, parser, extractor, connected.index());
    }

    /** The Lambda wiring: a log line per record, and an EMF metrics document per batch on stdout. */
    public static IngestComponents create(IngestConfig config) {
        return create(
                config,
                BatchObserver.both(
                        new LoggingObserver(),
                        new EmbeddedMetricsObserver(
                                new ObjectMapper(),
                                System.out,
                                Clock.systemUTC(),
                                config.metricsNamespace(),
                                config.metricsDimension(),
                                config.functionName())));
    }

    public static IngestComponents create(IngestConfig config, BatchObserver observer) {
        return new IngestComponents(config, observer);
    }

    /** How many records are prepared (downloaded and extracted) at once. */
    public static int workerThreads() {
        return Math.max(MIN_WORKERS, Runtime.getRuntime().availableProcessors());
    }

    /** How the Lambda handler reads events and writes responses; shared with {@link #prime()}, which warms it. */
    SqsEventCodec events() {
        return events;
    }

    public BatchProcessor processor() {
        return connected.processor();
    }

    /** A handler over these components, for local runs that drive it like Lambda does. */
    public IngestHandler handler() {
        return new IngestHandler(processor());
    }

    public OpenSearchDocumentIndex index() {
        return connected.index();
    }

    private static Thread daemon(Runnable runnable) {
        Thread thread = new Thread(runnable, "ingest-worker");
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void close() throws Exception {
        workers.shutdownNow();
        try (Connected clients = connected;
                ocr;
                extractor) {
            // closes all three, in reverse order, even if one fails
        }
    }
}
