package io.docindexer.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code bench pipeline} sends through the pipeline: the timed documents under
 * {@value BenchDocuments#TIMED}, and as many or fewer others under {@value BenchDocuments#WARM_UP}
 * for the untimed pass before them.
 *
 * @param name what the JSON line calls the documents
 * @param warmUp the untimed pass's documents
 * @param timed the timed pass's documents
 */
record PipelineWorkload(String name, List<BenchFile> warmUp, List<BenchFile> timed) {

    /**
     * One-page text PDFs, each with its own text. The warm-up is as long as the timed pass: after
     * 500 documents OpenSearch's JIT was still compiling through the timed pass.
     */
    static PipelineWorkload textPdfs(int docs) throws IOException {
        return new PipelineWorkload(
                "one-page text PDFs",
                numbered(BenchDocuments.WARM_UP, docs, "pdf", number -> BenchDocuments.pdf(number)),
                numbered(BenchDocuments.TIMED, docs, "pdf", number -> BenchDocuments.pdf(number)));
    }

    /**
     * One-page scans (a 300 dpi image of a page of text, no text layer). OCR is the whole cost and
     * needs no JIT warm-up to speak of, so a quarter as many warm the servers and Tesseract up.
     */
    static PipelineWorkload scannedPages(int docs) throws IOException {
        byte[] scan = ScannedPdf.bytes(1);
        return new PipelineWorkload(
                "one-page scanned PDFs",
                numbered(BenchDocuments.WARM_UP, warmUpSize(docs), "pdf", number -> scan),
                numbered(BenchDocuments.TIMED, docs, "pdf", number -> scan));
    }

    /** The mix of {@link MixedDocuments}, from the repository's test corpus and generated files. */
    static PipelineWorkload mix(int docs, Path corpus) throws IOException {
        MixedDocuments mix = MixedDocuments.load(corpus);
        return new PipelineWorkload(
                "mix", mix.files(BenchDocuments.WARM_UP, warmUpSize(docs)), mix.files(BenchDocuments.TIMED, docs));
    }

    private static int warmUpSize(int docs) {
        return Math.max(4, docs / 4);
    }

    private interface Content {
        byte[] of(int number) throws IOException;
    }

    private static List<BenchFile> numbered(String prefix, int docs, String extension, Content content)
            throws IOException {
        List<BenchFile> files = new ArrayList<>(docs);
        for (int number = 0; number < docs; number++) {
            files.add(new BenchFile(BenchDocuments.key(prefix, number, extension), content.of(number)));
        }
        return files;
    }
}
