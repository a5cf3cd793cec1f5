package io.docindexer.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;

/**
 * What both sides read from the same images in the same run: the character error rate against
 * the corpus's ground truth where it has one, and the total length of the text read from every
 * image (the only measure where there is no ground truth: a side that reads much less is
 * missing text).
 */
record OcrQuality(
        CharacterErrorRate ours, CharacterErrorRate reference, int truthFiles, long oursChars, long referenceChars) {

    /** The texts are in the order of {@code files}. */
    static OcrQuality of(List<Path> files, List<String> ourTexts, List<String> referenceTexts, GroundTruth truth) {
        CharacterErrorRate ours = new CharacterErrorRate(0, 0);
        CharacterErrorRate reference = new CharacterErrorRate(0, 0);
        int truthFiles = 0;
        long oursChars = 0;
        long referenceChars = 0;
        for (int i = 0; i < files.size(); i++) {
            String ourText = ourTexts.get(i);
            String referenceText = referenceTexts.get(i);
            oursChars += characters(ourText);
            referenceChars += characters(referenceText);
            var expected = truth.of(files.get(i));
            if (expected.isPresent()) {
                truthFiles++;
                ours = ours.plus(CharacterErrorRate.of(expected.get(), ourText));
                reference = reference.plus(CharacterErrorRate.of(expected.get(), referenceText));
            }
        }
        return new OcrQuality(ours, reference, truthFiles, oursChars, referenceChars);
    }

    /** Code points after CharacterErrorRate's normalisation, so spaces between Japanese characters do not count. */
    private static long characters(String text) {
        String normalized = CharacterErrorRate.normalized(text);
        return normalized.codePointCount(0, normalized.length());
    }

    /** Adds the quality fields to a benchmark's JSON line; CERs are null when no image had a ground truth. */
    void addTo(ObjectNode line) {
        line.put("cerFiles", truthFiles);
        if (truthFiles > 0) {
            line.put("oursCerPercent", BenchReport.round(ours.percent()));
            line.put("referenceCerPercent", BenchReport.round(reference.percent()));
        } else {
            line.putNull("oursCerPercent");
            line.putNull("referenceCerPercent");
        }
        line.put("oursChars", oursChars);
        line.put("referenceChars", referenceChars);
    }
}
