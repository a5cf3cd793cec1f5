package io.docindexer.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docindexer.bench.BenchSide.PassResult;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The one JSON line a file benchmark prints last: both medians in pages (and files) per second,
 * their ratio (ours over reference: above 1 we are faster), the same ratio in CPU time, and
 * every round, so the spread is visible.
 */
final class BenchReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchReport() {}

    static ObjectNode of(
            String benchmark, BenchCorpus corpus, int threads, Comparison.Result result, String reference) {
        double referencePages = median(result.reference(), pass -> corpus.pagesPerPass() / pass.seconds());
        double ourPages = median(result.ours(), pass -> corpus.pagesPerPass() / pass.seconds());
        ObjectNode line = JSON.createObjectNode();
        line.put("benchmark", benchmark);
        line.put("files", corpus.filesPerPass());
        line.put("pages", corpus.pagesPerPass());
        line.put("distinctFiles", corpus.files().size());
        line.put("repeat", corpus.repeat());
        line.put("rounds", result.ours().size());
        line.put("threads", threads);
        line.put("oursPagesPerSecond", round(ourPages));
        line.put("referencePagesPerSecond", round(referencePages));
        line.put("oursFilesPerSecond", round(median(result.ours(), pass -> corpus.filesPerPass() / pass.seconds())));
        line.put(
                "referenceFilesPerSecond",
                round(median(result.reference(), pass -> corpus.filesPerPass() / pass.seconds())));
        line.put("ratio", round(ourPages / referencePages));
        // CPU seconds per pass: what the other load on a shared machine disturbs least.
        line.put(
                "cpuRatio",
                round(median(result.reference(), PassResult::cpuSeconds)
                        / median(result.ours(), PassResult::cpuSeconds)));
        line.put("oursRefused", result.ours().get(0).refused());
        line.put("referenceRefused", result.reference().get(0).refused());
        line.set("oursSeconds", seconds(result.ours(), PassResult::seconds));
        line.set("referenceSeconds", seconds(result.reference(), PassResult::seconds));
        line.set("oursCpuSeconds", seconds(result.ours(), PassResult::cpuSeconds));
        line.set("referenceCpuSeconds", seconds(result.reference(), PassResult::cpuSeconds));
        ArrayNode ratios = line.putArray("roundRatios");
        result.roundRatios().forEach(ratio -> ratios.add(round(ratio)));
        line.put("reference", reference);
        return line;
    }

    static double median(List<PassResult> passes, ToDoubleFunction<PassResult> value) {
        double[] values = passes.stream().mapToDouble(value).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static ArrayNode seconds(List<PassResult> passes, ToDoubleFunction<PassResult> seconds) {
        ArrayNode array = JSON.createArrayNode();
        passes.forEach(pass -> array.add(round(seconds.applyAsDouble(pass))));
        return array;
    }
}
