package io.docindexer.ocr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The folder of {@code *.traineddata} files (TESSDATA_PREFIX) and the languages to read, checked
 * once at init so that a missing file is reported there, with the fix, not as a failure on the
 * first scanned page. Orientation detection always needs {@value #ORIENTATION_MODEL}.
 */
record Tessdata(Path folder, String languages) {

    static final String ORIENTATION_MODEL = "osd";

    static Tessdata checked(String tessdataPrefix, String languages) {
        List<String> problems = new ArrayList<>();
        if (languages == null || !languages.matches("[A-Za-z_]+(\\+[A-Za-z_]+)*")) {
            problems.add("OCR languages must be Tesseract language codes joined by '+', like eng+jpn, not '" + languages
                    + "'");
        }
        if (tessdataPrefix == null || tessdataPrefix.isBlank()) {
            problems.add("TESSDATA_PREFIX is not set: point it at the folder holding the *.traineddata files "
                    + "(/opt/share/tessdata in the Lambda layer, target/tesseract-layer/share/tessdata locally)");
            throw new OcrSetupException(String.join("; ", problems));
        }
        Path folder = Path.of(tessdataPrefix);
        if (!Files.isDirectory(folder)) {
            problems.add("TESSDATA_PREFIX=" + tessdataPrefix + " is not a folder");
        } else if (problems.isEmpty()) {
            List<String> models = new ArrayList<>(Arrays.asList(languages.split("\\+")));
            models.add(ORIENTATION_MODEL);
            for (String model : models) {
                Path file = folder.resolve(model + ".traineddata");
                if (!Files.isReadable(file)) {
                    problems.add("missing " + file + ": add " + model + " to the Tesseract layer "
                            + "(layers/tesseract/Makefile LANGUAGES) or remove it from OCR_LANGUAGES");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new OcrSetupException(String.join("; ", problems));
        }
        return new Tessdata(folder, languages);
    }
}
