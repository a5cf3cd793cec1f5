package io.docindexer.observe;

import java.util.List;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.event.LoggingEvent;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NormalizedParameters;
import org.slf4j.spi.LoggingEventAware;

/**
 * One named logger: writes its events at or above its level as JSON lines. It takes the fluent
 * API's events whole ({@link LoggingEventAware}), so their key-value pairs become keys of the line
 * rather than text in the message. A marker changes nothing (LegacyAbstractLogger).
 */
final class JsonLogger extends LegacyAbstractLogger implements LoggingEventAware {

    private final Level threshold;
    private final JsonLines lines;

    JsonLogger(String name, Level threshold, JsonLines lines) {
        this.name = name;
        this.threshold = threshold;
        this.lines = lines;
    }

    @Override
    public void log(LoggingEvent event) {
        if (isEnabled(event.getLevel())) {
            NormalizedParameters normalized = NormalizedParameters.normalize(event);
            lines.write(
                    event.getLevel(),
                    name,
                    MessageFormatter.basicArrayFormat(normalized.getMessage(), normalized.getArguments()),
                    event.getKeyValuePairs() == null ? List.of() : event.getKeyValuePairs(),
                    normalized.getThrowable());
        }
    }

    @Override
    protected void handleNormalizedLoggingCall(
            Level level, Marker marker, String pattern, Object[] arguments, Throwable error) {
        lines.write(level, name, MessageFormatter.basicArrayFormat(pattern, arguments), List.of(), error);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    private boolean isEnabled(Level level) {
        return level.toInt() >= threshold.toInt();
    }

    @Override
    public boolean isTraceEnabled() {
        return isEnabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return isEnabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return isEnabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return isEnabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return isEnabled(Level.ERROR);
    }
}
