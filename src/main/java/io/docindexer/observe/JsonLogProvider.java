package io.docindexer.observe;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The functions' SLF4J binding: every log line, the libraries' included, is one JSON object on
 * stdout in the shape of Lambda's JSON log format (see {@link JsonLines}), carrying the logging
 * context of the work in hand. SLF4J finds it through META-INF/services. The tooling, which wants
 * readable text, names slf4j-simple in the {@code slf4j.provider} system property instead.
 *
 * <p>Small on purpose: a few classes loaded at init and no configuration file to read, so a cold
 * start pays for no logging framework.
 */
public final class JsonLogProvider implements SLF4JServiceProvider {

    private final PrintStream out;
    private final Map<String, String> env;
    private final Clock clock;
    private final MDCAdapter context = new BasicMDCAdapter();
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private ILoggerFactory loggers;

    /** As SLF4J's service loader makes it: lines on stdout, levels from Lambda's environment. */
    public JsonLogProvider() {
        this(System.out, System.getenv(), Clock.systemUTC());
    }

    JsonLogProvider(PrintStream out, Map<String, String> env, Clock clock) {
        this.out = out;
        this.env = env;
        this.clock = clock;
    }

    @Override
    public void initialize() {
        LogLevels levels = LogLevels.fromEnv(env);
        JsonLines lines = new JsonLines(out, clock, context);
        Map<String, Logger> byName = new ConcurrentHashMap<>();
        loggers =
                name -> byName.computeIfAbsent(name, named -> new JsonLogger(named, levels.thresholdOf(named), lines));
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return context;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }
}
