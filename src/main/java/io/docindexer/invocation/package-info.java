/**
 * What an invocation of either function works within, whichever package handles it: the time it
 * has left ({@link io.docindexer.invocation.TimeBudget}); what SQS tells about a record beyond its
 * body, how often it was delivered ({@link io.docindexer.invocation.ReceiveCount}) and whether its
 * queue keeps order ({@link io.docindexer.invocation.FifoQueues}); and the logging context that
 * names the invocation, record and object in hand ({@link io.docindexer.invocation.LogContext}). It
 * uses nothing else of the project, so the batch, the redrive and the SQS adapters can all share it.
 */
package io.docindexer.invocation;
