package io.docindexer.local;

import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.simple.SimpleServiceProvider;
import org.slf4j.spi.MDCAdapter;

/**
 * The tooling's and the tests' SLF4J binding, named by the {@code slf4j.provider} system property
 * (./docindexer, surefire and failsafe set it): slf4j-simple's readable lines on stderr instead of
 * the function's JSON lines on stdout, which would mix with what the commands print. slf4j-simple
 * keeps no logging context, so this adds one: the function's code puts the record in hand there
 * (io.docindexer.invocation.LogContext) and relies on it being there, as it is on Lambda.
 */
public final class ConsoleLogProvider extends SimpleServiceProvider {

    private final MDCAdapter context = new BasicMDCAdapter();

    @Override
    public MDCAdapter getMDCAdapter() {
        return context;
    }
}
