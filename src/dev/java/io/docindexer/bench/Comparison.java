package io.docindexer.bench;

import io.docindexer.bench.BenchSide.PassResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Times the reference and ours on the same pass of files, in the same run. Each side first does
 * one untimed warm-up pass (JIT and font caches on our side, the page cache and the tool's
 * shared libraries on the reference side: a long-lived Lambda container is warm). Then rounds
 * alternate which side goes first (reference, ours, ours, reference, ...), so that a change in
 * the load of this shared machine falls on both sides alike; the medians are compared. A round in
 * which the sides refused a different number of files fails the run.
 */
final class Comparison {

    private Comparison() {}

    record Result(List<PassResult> reference, List<PassResult> ours) {

        /**
         * Several comparisons of the same rounds as one: round by round, the times, CPU and
         * refusals of each side added up, as if each round had run every comparison's pass in turn.
         */
        static Result together(List<Result> results) {
            List<PassResult> reference = new ArrayList<>();
            List<PassResult> ours = new ArrayList<>();
            for (int round = 0; round < results.get(0).ours().size(); round++) {
                int at = round;
                reference.add(sum(results.stream()
                        .map(result -> result.reference().get(at))
                        .toList()));
                ours.add(sum(
                        results.stream().map(result -> result.ours().get(at)).toList()));
            }
            return new Result(reference, ours);
        }

        private static PassResult sum(List<PassResult> passes) {
            return new PassResult(
                    passes.stream().mapToLong(PassResult::nanos).sum(),
                    passes.stream().mapToLong(PassResult::cpuNanos).sum(),
                    passes.stream().mapToInt(PassResult::refused).sum());
        }

        /** Per round: ours over reference in files (or pages) per second, i.e. reference time over our time. */
        List<Double> roundRatios() {
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < ours.size(); i++) {
                ratios.add(reference.get(i).seconds() / ours.get(i).seconds());
            }
            return ratios;
        }
    }

    static Result measure(BenchSide reference, BenchSide ours, List<Path> pass, int rounds, PrintStream progress)
            throws Exception {
        progress.printf(
                "warm-up: reference %.2f s, ours %.2f s (not counted)%n",
                reference.run(pass).seconds(), ours.run(pass).seconds());
        List<PassResult> referenceResults = new ArrayList<>();
        List<PassResult> ourResults = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            boolean referenceFirst = round % 2 == 1;
            PassResult first = (referenceFirst ? reference : ours).run(pass);
            PassResult second = (referenceFirst ? ours : reference).run(pass);
            PassResult referenceResult = referenceFirst ? first : second;
            PassResult ourResult = referenceFirst ? second : first;
            if (referenceResult.refused() != ourResult.refused()) {
                // The sides did not do the same work: a rate over different files compares nothing.
                throw new IllegalStateException(
                        "round " + round + ": the reference refused " + referenceResult.refused()
                                + " files and ours " + ourResult.refused() + "; both must refuse the same files for the"
                                + " rates to compare. Find the file one side cannot read and take it out of the folder");
            }
            referenceResults.add(referenceResult);
            ourResults.add(ourResult);
            progress.printf(
                    "round %d/%d: reference %.2f s (%.2f s CPU), ours %.2f s (%.2f s CPU)%n",
                    round,
                    rounds,
                    referenceResult.seconds(),
                    referenceResult.cpuSeconds(),
                    ourResult.seconds(),
                    ourResult.cpuSeconds());
        }
        return new Result(referenceResults, ourResults);
    }
}
