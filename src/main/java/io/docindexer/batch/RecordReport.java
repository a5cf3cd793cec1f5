package io.docindexer.batch;

import java.util.List;

/** A record's outcome with what was done to its objects and how long it took. */
public record RecordReport(RecordOutcome outcome, List<ObjectSummary> objects, long millis) {}
