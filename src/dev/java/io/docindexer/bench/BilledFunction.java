package io.docindexer.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.atomic.LongAdder;

/**
 * What Lambda bills for a function: each invocation's duration, from the event handed over to the
 * response (or failure) back, and the number of requests.
 */
final class BilledFunction implements RequestStreamHandler {

    private final RequestStreamHandler function;
    private final LongAdder nanos = new LongAdder();
    private final LongAdder invocations = new LongAdder();

    BilledFunction(RequestStreamHandler function) {
        this.function = function;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        long started = System.nanoTime();
        try {
            function.handleRequest(input, output, context);
        } finally {
            nanos.add(System.nanoTime() - started);
            invocations.increment();
        }
    }

    double seconds() {
        return nanos.sum() / 1e9;
    }

    long invocations() {
        return invocations.sum();
    }

    /** Starts the count again, after a warm-up. */
    void reset() {
        nanos.reset();
        invocations.reset();
    }
}
