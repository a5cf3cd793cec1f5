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
     * lower. Below it, the page is read in each of its four orientations as it is (orientation
     * detection misjudges pages with little text), as other OCR front-ends do and the
     * {@code tesseract} command does not, and the most confident reading wins.
     */
    private static final int MIN_CONFIDENCE = 60;

    /**
     * Characters smaller than this many pixels (the longer side of their boxes) are enlarged and
     * read again; Tesseract reads characters of about 20 to 40 pixels best.
     */
    private static final int MIN_CHARACTER_PIXELS = 20;

    /** The character size an enlarged page is brought to, at most {@value #MAX_ENLARGEMENT} times. */
    private static final double TARGET_CHARACTER_PIXELS = 28;

    private static final int MAX_ENLARGEMENT = 4;

    private record Reading(OcrResult result, int characterPixels) {}

    private final TessAPI api;
    private final TessBaseAPI reader;

    TesseractWorker(TessAPI api, Tessdata tessdata) {
        this.api = api;
        this.reader = start(api, tessdata);
    }

    OcrResult recognize(BufferedImage image) {
        BufferedImage gray = GrayImages.toGray(image);
        Reading first = read(gray, TessPageSegMode.PSM_AUTO_OSD);
        int enlargement = enlargement(first.characterPixels());
        if (enlargement > 1) {
            // Small print (a screenshot, a picture sent small) reads as noise, even at high confidence.
            gray = GrayImages.enlarged(gray, enlargement);
            first = read(gray, TessPageSegMode.PSM_AUTO_OSD);
        }
        OcrResult best = first.result();
        for (int quarterTurns = 0; quarterTurns < 4 && confidence(best) < MIN_CONFIDENCE; quarterTurns++) {
            best = moreConfident(
                    best,
                    read(GrayImages.turned(gray, quarterTurns), TessPageSegMode.PSM_AUTO)
                            .result());
        }
        return best;
    }

    private static int enlargement(int characterPixels) {
        if (characterPixels == 0 || characterPixels >= MIN_CHARACTER_PIXELS) {
            return 1;
        }
        return (int) Math.min(MAX_ENLARGEMENT, Math.ceil(TARGET_CHARACTER_PIXELS / characterPixels));
    }

    private static OcrResult moreConfident(OcrResult best, OcrResult other) {
        return confidence(other) > confidence(best) ? other : best;
    }

    /**
     * A reading's mean word confidence, or 0 when it found no text: Tesseract gives an empty
     * reading of a small turned picture 95, more than the whole page read the right way.
     */
    private static float confidence(OcrResult reading) {
        return reading.text().isBlank() ? 0 : reading.meanConfidence();
    }

    private Reading read(BufferedImage gray, int pageSegMode) {
        try {
            api.TessBaseAPISetPageSegMode(reader, pageSegMode);
            setImage(gray);
            Pointer text = api.TessBaseAPIGetUTF8Text(reader);
            if (text == null) {
                throw new IllegalStateException("Tesseract failed to recognise an image of " + gray.getWidth() + "x"
                        + gray.getHeight() + " pixels");
            }
            try {
                OcrResult result = new OcrResult(
                        text.getString(0, StandardCharsets.UTF_8.name()), api.TessBaseAPIMeanTextConf(reader));
                return new Reading(result, CharacterSize.median(api, reader));
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
