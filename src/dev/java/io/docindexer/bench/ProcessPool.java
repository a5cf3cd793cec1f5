package io.docindexer.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * The reference side: one process of a command-line tool per file, as many at a time as there
 * are threads, the way one would run the tool over a folder with {@code xargs -P N}. A non-zero
 * exit counts the file as refused; the output goes nowhere, as only the time matters.
 */
final class ProcessPool implements BenchSide {

    private final Function<Path, List<String>> commandFor;
    private final Map<String, String> environment;
    private final int threads;

    ProcessPool(Function<Path, List<String>> commandFor, Map<String, String> environment, int threads) {
        this.commandFor = commandFor;
        this.environment = environment;
        this.threads = threads;
    }

    @Override
    public PassResult run(List<Path> files) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long started = System.nanoTime();
            long cpuBefore = CpuClock.childrenNanos();
            List<Future<Integer>> exits = new ArrayList<>(files.size());
            for (Path file : files) {
                exits.add(pool.submit(() -> runOne(file)));
            }
            int refused = 0;
            for (Future<Integer> exit : exits) {
                refused += exit.get() == 0 ? 0 : 1;
            }
            return new PassResult(System.nanoTime() - started, CpuClock.childrenNanos() - cpuBefore, refused);
        } finally {
            pool.shutdownNow();
        }
    }

    private int runOne(Path file) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(commandFor.apply(file))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(environment);
        return builder.start().waitFor();
    }
}
