package io.docindexer.ocr;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import net.sourceforge.tess4j.TessAPI;

/**
 * A pool of native Tesseract workers, one per thread that is recognising at a given moment,
 * at most {@link #parallelism()} of them. Each worker runs single-threaded (OMP_THREAD_LIMIT=1
 * in the template): on Lambda's few vCPUs, pages in parallel beat threads inside one page.
 * The first worker starts in the constructor so a broken setup fails at init; the others
 * start when first needed, as each costs tens of MB.
 */
public final class TesseractOcrEngine implements OcrEngine {

    public static final String DEFAULT_LANGUAGES = "eng+jpn";

    private final TessAPI api;
    private final Tessdata tessdata;
    private final int parallelism;
    private final BlockingQueue<TesseractWorker> idle = new LinkedBlockingQueue<>();
    private final List<TesseractWorker> started = new ArrayList<>();

    /**
     * @param tessdataPrefix the folder holding the {@code *.traineddata} files (TESSDATA_PREFIX)
     * @param languages      Tesseract language codes joined by '+', like {@code eng+jpn}
     * @param parallelism    how many images may be recognised at once
     * @throws OcrSetupException naming what is missing and how to provide it
     */
    public TesseractOcrEngine(String tessdataPrefix, String languages, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
        }
        this.tessdata = Tessdata.checked(tessdataPrefix, languages);
        this.api = TesseractLibrary.load();
        this.parallelism = parallelism;
        idle.add(startWorker());
    }

    /** Reads TESSDATA_PREFIX from the environment; one worker per available processor. */
    public static TesseractOcrEngine fromEnvironment(String languages) {
        return new TesseractOcrEngine(
                System.getenv("TESSDATA_PREFIX"),
                languages,
                Runtime.getRuntime().availableProcessors());
    }

    @Override
    public OcrResult recognize(BufferedImage image) {
        TesseractWorker worker = borrow();
        try {
            return worker.recognize(image);
        } finally {
            idle.add(worker);
        }
    }

    @Override
    public int parallelism() {
        return parallelism;
    }

    private TesseractWorker borrow() {
        TesseractWorker worker = idle.poll();
        if (worker != null) {
            return worker;
        }
        synchronized (started) {
            if (started.size() < parallelism) {
                return startWorker();
            }
        }
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a Tesseract worker", e);
        }
    }

    private TesseractWorker startWorker() {
        synchronized (started) {
            TesseractWorker worker = new TesseractWorker(api, tessdata);
            started.add(worker);
            return worker;
        }
    }

    /** Ends every worker; call once no recognition is running. */
    @Override
    public void close() {
        synchronized (started) {
            started.forEach(TesseractWorker::close);
            started.clear();
            idle.clear();
        }
    }
}
