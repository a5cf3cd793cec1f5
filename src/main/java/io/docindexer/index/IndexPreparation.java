package io.docindexer.index;

/**
 * Whether the index has been prepared in this container. Preparation succeeds at most once and
 * runs one attempt at a time, whichever thread asks. The adapters a container builds in turn share
 * one (SnapStart's restore replaces the client), so a preparation that succeeded before the
 * snapshot is not repeated after it, and one that was refused is tried again with the new client.
 */
final class IndexPreparation {

    private volatile boolean done;

    /** Runs {@code prepare} unless an earlier run succeeded; a run that throws leaves the next call to try again. */
    void runUnlessDone(Runnable prepare) {
        if (done) {
            return;
        }
        synchronized (this) {
            if (!done) {
                prepare.run();
                done = true;
            }
        }
    }
}
