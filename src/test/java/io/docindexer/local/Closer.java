package io.docindexer.local;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a test started and must stop (components, pollers), closed newest first. Declared as an
 * {@code @AutoClose} field, JUnit closes it after each test.
 */
public final class Closer implements AutoCloseable {

    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    public <T extends AutoCloseable> T add(T resource) {
        started.push(resource);
        return resource;
    }

    @Override
    public void close() throws Exception {
        while (!started.isEmpty()) {
            started.pop().close();
        }
    }
}
