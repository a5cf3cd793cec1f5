package io.docindexer.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The {@code tesseract} CLI as a fair user runs it over many images: one long-lived process per
 * core, each given a list file of its share of the pass (balanced by bytes) ({@code tesseract list.txt out ...}), so
 * the models are loaded once per process rather than once per image. Tesseract stops a list at
 * the first image it cannot read (after writing the pages before it); that image counts as refused and a new process goes on with
 * the rest, as a user would restart it. Each image must have one page (the list's output is one
 * text per page, with form feeds between them). The texts of the last pass are kept for the quality
 * comparison.
 */
final class TesseractListReference implements BenchSide {

    private final Path tesseract;
    private final List<String> options;
    private final int threads;
    private final Path workDir;
    private volatile List<String> lastTexts = List.of();

    /** {@code options} come after the output base: tessdata folder, languages, page segmentation. */
    TesseractListReference(Path tesseract, List<String> options, int threads) throws IOException {
        this.tesseract = tesseract;
        this.options = List.copyOf(options);
        this.threads = threads;
        this.workDir = Files.createTempDirectory("bench-tesseract-");
        workDir.toFile().deleteOnExit();
    }

    @Override
    public PassResult run(List<Path> files) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long started = System.nanoTime();
            long cpuBefore = CpuClock.childrenNanos();
            List<List<Integer>> lists = balanced(sizes(files), threads);
            List<Future<Share>> shares = new ArrayList<>();
            for (int process = 0; process < threads; process++) {
                List<Path> share = lists.get(process).stream().map(files::get).toList();
                int index = process;
                shares.add(pool.submit(() -> runShare(index, share)));
            }
            String[] texts = new String[files.size()];
            int refused = 0;
            for (int process = 0; process < threads; process++) {
                Share share = shares.get(process).get();
                refused += share.refused();
                for (int i = 0; i < share.texts().size(); i++) {
                    texts[lists.get(process).get(i)] = share.texts().get(i);
                }
            }
            long nanos = System.nanoTime() - started;
            lastTexts = Arrays.asList(texts);
            return new PassResult(nanos, CpuClock.childrenNanos() - cpuBefore, refused);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The text of each file of the last pass, in the pass's order; empty for a refused file. */
    List<String> lastTexts() {
        return lastTexts;
    }

    /** Splits the output of a list run into its pages: Tesseract puts a form feed between pages. */
    static List<String> pages(String output) {
        return Arrays.asList(output.split("\f", -1));
    }

    /**
     * How many images a list run that failed had finished: Tesseract names each image it opens on
     * stderr ({@code Page 3 : /path}), and the one it then cannot read again ({@code Image file
     * /path cannot be read!}); a file it cannot open at all is named only in the second line.
     */
    static int finishedBeforeFailure(String stderr) {
        List<String> lines = stderr.lines().toList();
        String failed = lines.stream()
                .filter(line -> line.startsWith("Image file ") && line.endsWith(" cannot be read!"))
                .map(line -> line.substring("Image file ".length(), line.length() - " cannot be read!".length()))
                .findFirst()
                .orElse(null);
        return (int) lines.stream()
                .filter(line -> line.startsWith("Page ") && line.contains(" : "))
                .filter(line -> !line.substring(line.indexOf(" : ") + 3).equals(failed))
                .count();
    }

    private record Share(List<String> texts, int refused) {}

    private Share runShare(int process, List<Path> files) throws IOException, InterruptedException {
        List<String> texts = new ArrayList<>(files.size());
        int refused = 0;
        while (texts.size() < files.size()) {
            List<Path> rest = files.subList(texts.size(), files.size());
            Path list = workDir.resolve("list-" + process + ".txt");
            Files.write(list, rest.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
            Path base = workDir.resolve("out-" + process);
            List<String> command = new ArrayList<>(List.of(tesseract.toString(), list.toString(), base.toString()));
            command.addAll(options);
            Path errors = workDir.resolve("stderr-" + process + ".txt");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(errors.toFile());
            // As the template sets it for ours: one thread per Tesseract, parallelism across files.
            builder.environment().put("OMP_THREAD_LIMIT", "1");
            int exit = builder.start().waitFor();
            Path output = Path.of(base + ".txt");
            List<String> done =
                    Files.exists(output) ? pages(Files.readString(output, StandardCharsets.UTF_8)) : List.of();
            int finished = exit == 0 ? rest.size() : finishedBeforeFailure(Files.readString(errors));
            if (done.size() < finished || (exit == 0 && done.size() != rest.size())) {
                throw new IllegalStateException("tesseract wrote " + done.size() + " pages for " + finished
                        + " images: the list-file reference needs images of one page each; leave out multi-page"
                        + " TIFFs (bench ocr --scanned-pdf measures many pages)");
            }
            texts.addAll(done.subList(0, finished));
            if (exit != 0) {
                texts.add(""); // the image it stopped at
                refused++;
            }
        }
        return new Share(texts, refused);
    }

    /**
     * Deals the files (their indexes) to n lists so that each list holds about the same bytes:
     * biggest first, each to the list with the fewest bytes so far. A list file cannot hand work
     * to an idle process as our pool does, so a fair user balances the lists; dealt in turn, a pass
     * of 4 images repeated 3 times on 2 processes put all three big pages on one of them.
     */
    static List<List<Integer>> balanced(long[] sizes, int n) {
        List<List<Integer>> lists = new ArrayList<>();
        long[] bytes = new long[n];
        for (int i = 0; i < n; i++) {
            lists.add(new ArrayList<>());
        }
        Integer[] order = new Integer[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(sizes[b], sizes[a]));
        for (int file : order) {
            int lightest = 0;
            for (int list = 1; list < n; list++) {
                lightest = bytes[list] < bytes[lightest] ? list : lightest;
            }
            lists.get(lightest).add(file);
            bytes[lightest] += sizes[file];
        }
        return lists;
    }

    private static long[] sizes(List<Path> files) throws IOException {
        long[] sizes = new long[files.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = Files.exists(files.get(i)) ? Files.size(files.get(i)) : 0;
        }
        return sizes;
    }
}
