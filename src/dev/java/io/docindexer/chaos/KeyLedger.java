package io.docindexer.chaos;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the index must show for each key the workload touched: its last operation. Filled in
 * operation order, so the last one recorded for a key is the one with the highest sequencer.
 */
final class KeyLedger {

    /**
     * One operation on a key.
     *
     * @param marker a token only this version's text holds ({@code null} for a delete)
     * @param eTag the object's ETag after a put ({@code null} for a delete)
     * @param poison a document meant to kill the function: it must end in the DLQ, never in the index
     */
    record Operation(String key, boolean delete, String sequencer, String eTag, String marker, boolean poison) {}

    private final Map<String, Operation> last = new LinkedHashMap<>();

    synchronized void record(Operation operation) {
        last.put(operation.key(), operation);
    }

    synchronized Map<String, Operation> lastOperations() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(last));
    }
}
