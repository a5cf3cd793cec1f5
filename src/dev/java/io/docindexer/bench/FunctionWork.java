package io.docindexer.bench;

/**
 * What the function processes did in a timed pass: their CPU time (read from {@code /proc}), and
 * what Lambda would bill: the invocations' summed duration and their number.
 */
record FunctionWork(long cpuNanos, double billedSeconds, long invocations) {}
