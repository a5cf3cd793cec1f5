package io.docindexer.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The ground-truth texts of a corpus, from the {@code expected.json} in the benchmark's folder or
 * the nearest folder above it (src/test/resources/corpus has one; its entries' {@code path} and
 * {@code ground_truth} are relative to that folder). A folder without one has no ground truth,
 * and the benchmark compares text lengths only.
 */
final class GroundTruth {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<Path, String> texts;

    private GroundTruth(Map<Path, String> texts) {
        this.texts = texts;
    }

    static GroundTruth near(Path dir) throws IOException {
        for (Path folder = dir.toAbsolutePath().normalize(); folder != null; folder = folder.getParent()) {
            Path expected = folder.resolve("expected.json");
            if (Files.isRegularFile(expected)) {
                return read(folder, expected);
            }
        }
        return none();
    }

    /** No ground truth at all: every image is compared by text length only. */
    static GroundTruth none() {
        return new GroundTruth(Map.of());
    }

    /** These ground truths and {@code more} (images made at benchmark time, by absolute path). */
    GroundTruth with(Map<Path, String> more) {
        Map<Path, String> all = new HashMap<>(texts);
        more.forEach((file, text) -> all.put(file.toAbsolutePath().normalize(), text));
        return new GroundTruth(all);
    }

    /** The ground truth of an image, if the corpus has one. */
    Optional<String> of(Path file) {
        return Optional.ofNullable(texts.get(file.toAbsolutePath().normalize()));
    }

    int size() {
        return texts.size();
    }

    private static GroundTruth read(Path root, Path expected) throws IOException {
        Map<Path, String> texts = new HashMap<>();
        for (JsonNode entry : JSON.readTree(expected.toFile()).path("files")) {
            JsonNode truth = entry.get("ground_truth");
            if (truth != null) {
                texts.put(
                        root.resolve(entry.path("path").asText()).normalize(),
                        Files.readString(root.resolve(truth.asText()), StandardCharsets.UTF_8));
            }
        }
        return new GroundTruth(texts);
    }
}
