package io.docindexer.observe;

import java.util.Locale;
import java.util.Map;
import org.slf4j.event.Level;

/**
 * Which events are written: those at or above the function's application log level, which Lambda
 * passes in AWS_LAMBDA_LOG_LEVEL from the logging configuration (INFO when unset). A library
 * logger that is noise on Lambda is held higher.
 */
final class LogLevels {

    /**
     * PDFBox warns "Using fallback font LiberationSans for Helvetica" for every PDF that uses a
     * standard font without embedding it, which is most of them, and Lambda has no system fonts to
     * map them to. Text extraction takes glyph widths from the built-in metrics, so the fallback
     * changes nothing we index: one log line per document would be pure cost.
     */
    private static final Map<String, Level> QUIETER = Map.of("org.apache.pdfbox.pdmodel.font.PDType1Font", Level.ERROR);

    private final Level threshold;

    private LogLevels(Level threshold) {
        this.threshold = threshold;
    }

    static LogLevels fromEnv(Map<String, String> env) {
        String level = env.getOrDefault("AWS_LAMBDA_LOG_LEVEL", "INFO").toUpperCase(Locale.ROOT);
        return new LogLevels(
                switch (level) {
                    case "TRACE" -> Level.TRACE;
                    case "DEBUG" -> Level.DEBUG;
                    case "WARN" -> Level.WARN;
                    case "ERROR", "FATAL" -> Level.ERROR;
                    default -> Level.INFO;
                });
    }

    Level thresholdOf(String loggerName) {
        Level quieter = QUIETER.get(loggerName);
        return quieter != null && quieter.toInt() > threshold.toInt() ? quieter : threshold;
    }
}
