package io.docindexer.bench;

import java.nio.file.Path;
import java.util.List;

/** One side of a comparison: processes every file of a pass, all cores busy, and says how it went. */
interface BenchSide {

    /** Processes the files (the same file may appear several times) and returns when all are done. */
    PassResult run(List<Path> files) throws Exception;

    /**
     * How long a pass took, the CPU time it used (all threads or processes of that side), and how
     * many of its files were refused (encrypted, unreadable).
     */
    record PassResult(long nanos, long cpuNanos, int refused) {

        double seconds() {
            return nanos / 1e9;
        }

        double cpuSeconds() {
            return cpuNanos / 1e9;
        }
    }
}
