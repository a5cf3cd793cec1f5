package io.docindexer.iam;

import java.util.ArrayList;
import java.util.List;

/**
 * Every call recorded in this JVM, in order. Static because the SDK builds its own instance of a
 * global interceptor for every client, and the check runs after the tests that made the calls.
 */
final class RecordedCalls {

    private static final List<RecordedCall> CALLS = new ArrayList<>();

    private RecordedCalls() {}

    static synchronized void add(RecordedCall call) {
        CALLS.add(call);
    }

    /** How many calls have been recorded so far: a mark for {@link #since}. */
    static synchronized int count() {
        return CALLS.size();
    }

    static synchronized List<RecordedCall> since(int mark) {
        return List.copyOf(CALLS.subList(mark, CALLS.size()));
    }

    static List<RecordedCall> all() {
        return since(0);
    }
}
