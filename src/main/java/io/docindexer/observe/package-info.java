/**
 * What the functions tell the outside about their work. Logs: one JSON line per event on stdout in
 * the shape of Lambda's JSON log format, through the functions' own small SLF4J binding
 * ({@link io.docindexer.observe.JsonLogProvider}), with the logging context of the record in hand,
 * and a line per record ({@link io.docindexer.observe.LoggingObserver}). Metrics: a CloudWatch
 * Embedded Metric Format document per batch, a line of its own on stdout
 * ({@link io.docindexer.observe.EmbeddedMetricsObserver}).
 */
package io.docindexer.observe;
