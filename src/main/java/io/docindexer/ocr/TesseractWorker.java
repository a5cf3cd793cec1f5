package io.docindexer.ocr;

import com.sun.jna.Pointer;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.ITessAPI.TessOcrEngineMode;
import net.sourceforge.tess4j.ITessAPI.TessPageSegMode;
import net.sourceforge.tess4j.TessAPI;

/**
 * One native Tesseract, used by one thread at a time (a TessBaseAPI is not thread-safe). It reads
 * with automatic page segmentation and orientation detection (--psm 1): Tesseract then checks
 * the orientation on the blobs its layout analysis has found anyway and turns the page before
 * reading it, which costs next to nothing on an upright page and reads a turned page once.
 * (It loads the legacy {@code osd} model for that itself, on the first page.)
 */
final class TesseractWorker implements AutoCloseable {

    /**
     * A reading at or above this mean word confidence is taken as right: pages of print score
     * 90-94 in our corpus, a page read in the wrong orientation reads as noise and scores far
     * lower. Below it, orientation detection may have turned a page with too little text the
     * wrong way, so the page is read once more as it is, and the better-confident reading wins.
     */
    private static final int MIN_CONFIDENCE = 60;

    private final TessAPI api;
    private final TessBaseAPI reader;

    TesseractWorker(TessAPI api, Tessdata tessdata) {
        this.api = api;
        this.reader = start(api, tessdata);
    }

    OcrResult recognize(BufferedImage image) {
        BufferedImage gray = GrayImages.toGray(image);
        OcrResult oriented = read(gray, TessPageSegMode.PSM_AUTO_OSD);
        if (oriented.meanConfidence() >= MIN_CONFIDENCE) {
            return oriented;
        }
        OcrResult asIs = read(gray, TessPageSegMode.PSM_AUTO);
        return asIs.meanConfidence() > oriented.meanConfidence() ? asIs : oriented;
    }

    private OcrResult read(BufferedImage gray, int pageSegMode) {
        try {
            api.TessBaseAPISetPageSegMode(reader, pageSegMode);
            setImage(gray);
            Pointer text = api.TessBaseAPIGetUTF8Text(reader);
            if (text == null) {
                throw new IllegalStateException("Tesseract failed to recognise an image of " + gray.getWidth() + "x"
                        + gray.getHeight() + " pixels");
            }
            try {
                return new OcrResult(
                        text.getString(0, StandardCharsets.UTF_8.name()), api.TessBaseAPIMeanTextConf(reader));
            } finally {
                api.TessDeleteText(text);
            }
        } finally {
            api.TessBaseAPIClear(reader);
        }
    }

    private void setImage(BufferedImage gray) {
        ByteBuffer pixels = GrayImages.pixels(gray);
        api.TessBaseAPISetImage(reader, pixels, gray.getWidth(), gray.getHeight(), 1, gray.getWidth());
    }

    @Override
    public void close() {
        api.TessBaseAPIEnd(reader);
        api.TessBaseAPIDelete(reader);
    }

    private static TessBaseAPI start(TessAPI api, Tessdata tessdata) {
        TessBaseAPI engine = api.TessBaseAPICreate();
        String languages = tessdata.languages();
        String folder = tessdata.folder().toString();
        if (api.TessBaseAPIInit2(engine, folder, languages, TessOcrEngineMode.OEM_LSTM_ONLY) != 0) {
            api.TessBaseAPIDelete(engine);
            throw new OcrSetupException("Tesseract could not load '" + languages + "' from " + tessdata.folder()
                    + ": the traineddata files are there but unusable (truncated or for another Tesseract version?)");
        }
        // Tesseract's diagnostics ("Estimating resolution as ...") would fill the function's log.
        api.TessBaseAPISetVariable(engine, "debug_file", "/dev/null");
        // With several languages the first one's settings win, and eng puts a space between every
        // pair of Japanese characters (「業務 委託 契約 書」), which breaks phrase queries and reads as
        // broken text. Keeping the spaces the page has fixes that; in English it also keeps runs of
        // spaces (tables, justified lines), which the analysers ignore.
        api.TessBaseAPISetVariable(engine, "preserve_interword_spaces", "1");
        return engine;
    }
}
