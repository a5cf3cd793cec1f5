package io.docindexer.batch;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.docindexer.invocation.FifoQueues;
import io.docindexer.invocation.ReceiveCount;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * When each record of a batch is prepared, and when its result moves on to be written.
 *
 * <p>From a standard queue, the records SQS delivers for the first time are prepared together, and
 * each record it has delivered before (a possible poison message) runs alone, after them, the
 * least delivered first, once {@code beforeRunningAlone} has been told (see {@link
 * Acknowledgements#holdBack}). Prepared
 * records move on in waves, as soon as no other finishes within {@value #WAVE_IDLE_MILLIS} ms, so
 * one slow OCR document holds nobody up. From a FIFO queue, order wins: every record is prepared at
 * once, and they move on together, in queue order, once all are.
 */
final class Schedule {

    /** Where each wave of prepared records goes. */
    interface Waves {

        /** @param moreFollow whether records of this batch are still to run after this wave */
        void finish(List<PreparedRecord> wave, boolean moreFollow);
    }

    /** Records finished this long before the next one move on without waiting for it. */
    private static final long WAVE_IDLE_MILLIS = 250;

    private final List<SQSMessage> messages;
    private final ExecutorService workers;
    private final Consumer<SQSMessage> beforeRunningAlone;

    Schedule(List<SQSMessage> messages, ExecutorService workers, Consumer<SQSMessage> beforeRunningAlone) {
        this.messages = messages;
        this.workers = workers;
        this.beforeRunningAlone = beforeRunningAlone;
    }

    /** Whether the batch comes from a FIFO queue, whose order its records must keep. */
    boolean inOrder() {
        return !messages.isEmpty() && FifoQueues.isFifo(messages.get(0).getEventSourceArn());
    }

    /** @param tasks the task that prepares the record at a position */
    void run(IntFunction<Callable<PreparedRecord>> tasks, Waves waves) {
        if (inOrder()) {
            List<Future<PreparedRecord>> futures = new ArrayList<>();
            for (int position = 0; position < messages.size(); position++) {
                futures.add(workers.submit(tasks.apply(position)));
            }
            List<PreparedRecord> all = new ArrayList<>();
            for (Future<PreparedRecord> future : futures) {
                all.add(await(future));
            }
            waves.finish(all, false);
            return;
        }
        List<List<Integer>> groups = groups();
        for (int group = 0; group < groups.size(); group++) {
            List<Integer> positions = groups.get(group);
            if (isRedelivered(positions.get(0))) {
                beforeRunningAlone.accept(messages.get(positions.get(0)));
            }
            runInWaves(positions, tasks, waves, group < groups.size() - 1);
        }
    }

    /**
     * The first deliveries together, then each redelivered record alone, the least delivered
     * first: a record that keeps ending invocations has been delivered more often than the
     * batch-mates it took down with it.
     */
    private List<List<Integer>> groups() {
        List<Integer> fresh = new ArrayList<>();
        List<Integer> redelivered = new ArrayList<>();
        for (int position = 0; position < messages.size(); position++) {
            (isRedelivered(position) ? redelivered : fresh).add(position);
        }
        redelivered.sort(Comparator.comparingInt(position -> ReceiveCount.of(messages.get(position))));
        List<List<Integer>> groups = new ArrayList<>();
        if (!fresh.isEmpty()) {
            groups.add(fresh);
        }
        redelivered.forEach(position -> groups.add(List.of(position)));
        return groups;
    }

    private boolean isRedelivered(int position) {
        return ReceiveCount.of(messages.get(position)) > 1;
    }

    private void runInWaves(
            List<Integer> positions,
            IntFunction<Callable<PreparedRecord>> tasks,
            Waves waves,
            boolean moreGroupsFollow) {
        CompletionService<PreparedRecord> completion = new ExecutorCompletionService<>(workers);
        for (int position : positions) {
            completion.submit(tasks.apply(position));
        }
        List<PreparedRecord> wave = new ArrayList<>();
        for (int remaining = positions.size(); remaining > 0; ) {
            Future<PreparedRecord> next = wave.isEmpty() ? take(completion) : poll(completion);
            if (next == null) {
                waves.finish(wave, true);
                wave = new ArrayList<>();
            } else {
                wave.add(await(next));
                remaining--;
            }
        }
        if (!wave.isEmpty()) {
            waves.finish(wave, moreGroupsFollow);
        }
    }

    private static PreparedRecord await(Future<PreparedRecord> future) {
        try {
            return future.get();
        } catch (ExecutionException impossible) {
            // A RecordTask turns every throwable into a preparation.
            throw new IllegalStateException(impossible.getCause());
        } catch (InterruptedException interrupted) {
            throw interrupted(interrupted);
        }
    }

    private static Future<PreparedRecord> take(CompletionService<PreparedRecord> completion) {
        try {
            return completion.take();
        } catch (InterruptedException interrupted) {
            throw interrupted(interrupted);
        }
    }

    private static Future<PreparedRecord> poll(CompletionService<PreparedRecord> completion) {
        try {
            return completion.poll(WAVE_IDLE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            throw interrupted(interrupted);
        }
    }

    private static IllegalStateException interrupted(InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        return new IllegalStateException("interrupted while waiting for a record", interrupted);
    }
}
