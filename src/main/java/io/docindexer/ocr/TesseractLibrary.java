package io.docindexer.ocr;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Map;
import net.sourceforge.tess4j.TessAPI;

/**
 * Loads libtesseract through Tess4J's JNA binding of the C API. It loads it itself rather than
 * through {@code TessAPI.INSTANCE}, whose loader first unpacks Tess4J's Windows DLLs into the
 * temp folder on every cold start.
 */
final class TesseractLibrary {

    private static final String LIBRARY_NAME = "tesseract";

    private TesseractLibrary() {}

    static TessAPI load() {
        try {
            // UTF-8 whatever the platform's default: Lambda's Java 17 may run with LANG unset.
            return Native.load(LIBRARY_NAME, TessAPI.class, Map.of(Library.OPTION_STRING_ENCODING, "UTF-8"));
        } catch (UnsatisfiedLinkError e) {
            throw new OcrSetupException(
                    "cannot load the Tesseract native library (libtesseract.so, with "
                            + "libleptonica.so beside it) from jna.library.path="
                            + System.getProperty("jna.library.path")
                            + ": on Lambda attach the Tesseract layer and set JAVA_TOOL_OPTIONS=-Djna.library.path=/opt/lib/ARCH "
                            + "(x86_64 or arm64, the function's architecture); locally build it with "
                            + "`make -C layers/tesseract build-TesseractLayer ARTIFACTS_DIR=target/tesseract-layer` "
                            + "and run with -Djna.library.path=target/tesseract-layer/lib/ARCH",
                    e);
        }
    }
}
