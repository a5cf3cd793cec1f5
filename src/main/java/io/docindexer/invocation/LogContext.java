package io.docindexer.invocation;

import java.util.HashMap;
import java.util.Map;
import org.slf4j.MDC;

/**
 * What every log line says about the work in hand, kept in SLF4J's MDC so that each line written
 * meanwhile carries it, a library's lines included: the invocation's request id, and the message id,
 * bucket and key of the record and object being worked on. Pool threads do not take on the MDC of
 * the thread that hands them work, so a record's task carries it over ({@link #record}), as
 * Powertools' MultiThreadMDC does for its batch handlers.
 */
public final class LogContext {

    /** The key Lambda's own JSON log lines give the request id. */
    public static final String REQUEST_ID = "AWSRequestId";

    public static final String MESSAGE_ID = "messageId";
    public static final String BUCKET = "bucket";
    public static final String KEY = "key";

    /** Work named in the context until it is closed. */
    public interface Scope extends AutoCloseable {

        @Override
        void close();
    }

    private LogContext() {}

    /** Names the invocation on this thread, for every line until closed. */
    public static Scope invocation(String requestId) {
        if (requestId == null) {
            return () -> {};
        }
        MDC.put(REQUEST_ID, requestId);
        return () -> MDC.remove(REQUEST_ID);
    }

    /** This thread's context, for a task to take to a worker thread. */
    public static Map<String, String> handOver() {
        Map<String, String> context = MDC.getCopyOfContextMap();
        return context == null ? Map.of() : context;
    }

    /**
     * Puts a handed-over context and the record's message id on this worker thread until closed, and
     * then what the thread had before.
     */
    public static Scope record(Map<String, String> handedOver, String messageId) {
        Map<String, String> before = MDC.getCopyOfContextMap();
        Map<String, String> context = new HashMap<>(handedOver);
        context.put(MESSAGE_ID, messageId);
        MDC.setContextMap(context);
        return () -> MDC.setContextMap(before == null ? Map.of() : before);
    }

    /** Names the object being worked on, besides its record, until closed. */
    public static Scope object(String bucket, String key) {
        MDC.put(BUCKET, bucket);
        MDC.put(KEY, key);
        return () -> {
            MDC.remove(KEY);
            MDC.remove(BUCKET);
        };
    }
}
