package io.docindexer.batch;

/** A record's preparation with its position in the batch, which is how the response is put in order. */
record PreparedRecord(int position, Preparation preparation) {}
