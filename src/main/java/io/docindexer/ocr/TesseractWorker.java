package io.docindexer.ocr;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.charset.StandardCharsets;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.ITessAPI.TessOcrEngineMode;
import net.sourceforge.tess4j.ITessAPI.TessPageSegMode;
import net.sourceforge.tess4j.TessAPI;

/**
 * One native Tesseract, used by one thread at a time (a TessBaseAPI is not thread-safe). It
 * holds two engines: the reader for the configured languages and the orientation detector,
 * which needs the legacy {@code osd} model that the LSTM language models do not have.
 */
final class TesseractWorker implements AutoCloseable {

    /**
     * A first reading at or above this mean word confidence is taken as upright: upright pages
     * of print score 90-94 in our corpus, turned pages read as noise and score far lower. Below
     * it, orientation detection runs (it costs a third of a reading, too much for every page).
     */
    private static final int MIN_UPRIGHT_CONFIDENCE = 60;
    /**
     * Below this orientation confidence the detector is guessing (pages of text score 9-30 in
     * our corpus; a page with a few words or none scores less).
     */
    private static final float MIN_ORIENTATION_CONFIDENCE = 5.0f;
    private static final int TRUE = 1;

    private final TessAPI api;
    private final TessBaseAPI reader;
    private final TessBaseAPI orientationDetector;

    TesseractWorker(TessAPI api, Tessdata tessdata) {
        this.api = api;
        this.reader = start(api, tessdata, tessdata.languages(), TessOcrEngineMode.OEM_LSTM_ONLY, TessPageSegMode.PSM_AUTO);
        try {
            this.orientationDetector = start(api, tessdata, Tessdata.ORIENTATION_MODEL,
                    TessOcrEngineMode.OEM_TESSERACT_ONLY, TessPageSegMode.PSM_OSD_ONLY);
        } catch (RuntimeException e) {
            end(reader);
            throw e;
        }
    }

    /**
     * Reads the image as it is and, if that reads badly, once more turned upright as
     * orientation detection says; the better-confident of the two readings wins.
     */
    OcrResult recognize(BufferedImage image) {
        BufferedImage gray = GrayImages.toGray(image);
        OcrResult asIs = read(gray);
        if (asIs.meanConfidence() >= MIN_UPRIGHT_CONFIDENCE) {
            return asIs;
        }
        int correction = correctionDegrees(gray);
        if (correction == 0) {
            return asIs;
        }
        OcrResult turned = read(Rotation.clockwise(gray, correction));
        return turned.meanConfidence() > asIs.meanConfidence() ? turned : asIs;
    }

    private OcrResult read(BufferedImage gray) {
        try {
            setImage(reader, gray);
            Pointer text = api.TessBaseAPIGetUTF8Text(reader);
            if (text == null) {
                throw new IllegalStateException("Tesseract failed to recognise an image of "
                        + gray.getWidth() + "x" + gray.getHeight() + " pixels");
            }
            try {
                return new OcrResult(text.getString(0, StandardCharsets.UTF_8.name()), api.TessBaseAPIMeanTextConf(reader));
            } finally {
                api.TessDeleteText(text);
            }
        } finally {
            api.TessBaseAPIClear(reader);
        }
    }

    /**
     * How far to turn the image clockwise so its text stands upright; 0 when orientation
     * detection finds too little text to be sure.
     */
    private int correctionDegrees(BufferedImage gray) {
        IntBuffer orientation = IntBuffer.allocate(1);
        FloatBuffer orientationConfidence = FloatBuffer.allocate(1);
        FloatBuffer scriptConfidence = FloatBuffer.allocate(1);
        try {
            setImage(orientationDetector, gray);
            int detected = api.TessBaseAPIDetectOrientationScript(orientationDetector,
                    orientation, orientationConfidence, new PointerByReference(), scriptConfidence);
            if (detected != TRUE || orientationConfidence.get(0) < MIN_ORIENTATION_CONFIDENCE) {
                return 0;
            }
            // Tesseract reports how far the page is turned clockwise; turning it back is the rest of a full turn.
            return (360 - orientation.get(0)) % 360;
        } finally {
            api.TessBaseAPIClear(orientationDetector);
        }
    }

    private void setImage(TessBaseAPI engine, BufferedImage gray) {
        ByteBuffer pixels = GrayImages.pixels(gray);
        api.TessBaseAPISetImage(engine, pixels, gray.getWidth(), gray.getHeight(), 1, gray.getWidth());
    }

    @Override
    public void close() {
        end(orientationDetector);
        end(reader);
    }

    private void end(TessBaseAPI engine) {
        api.TessBaseAPIEnd(engine);
        api.TessBaseAPIDelete(engine);
    }

    private static TessBaseAPI start(TessAPI api, Tessdata tessdata, String languages, int engineMode, int pageSegMode) {
        TessBaseAPI engine = api.TessBaseAPICreate();
        if (api.TessBaseAPIInit2(engine, tessdata.folder().toString(), languages, engineMode) != 0) {
            api.TessBaseAPIDelete(engine);
            throw new OcrSetupException("Tesseract could not load '" + languages + "' from " + tessdata.folder()
                    + ": the traineddata files are there but unusable (truncated or for another Tesseract version?)");
        }
        api.TessBaseAPISetPageSegMode(engine, pageSegMode);
        // Tesseract's diagnostics ("Estimating resolution as ...") would fill the function's log.
        api.TessBaseAPISetVariable(engine, "debug_file", "/dev/null");
        return engine;
    }
}
