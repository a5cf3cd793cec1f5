package io.docindexer.redrive;

import java.util.List;

/**
 * The request JSON cannot be run; lists every problem at once. Thrown out of the handler, so the
 * invoker sees a function error with this message instead of a redrive that did something else.
 */
public final class InvalidRedriveRequestException extends RuntimeException {

    private final List<String> problems;

    public InvalidRedriveRequestException(List<String> problems) {
        super("invalid redrive request:\n  - " + String.join("\n  - ", problems)
                + "\nexamples: {\"mode\":\"all\",\"maxPerSecond\":50} | {\"mode\":\"status\"} | {\"mode\":\"cancel\"}"
                + " | {\"mode\":\"selective\",\"filter\":{\"keyPrefix\":\"invoices/\",\"olderThanSeconds\":3600},"
                + "\"maxMessages\":100,\"dryRun\":true}");
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
