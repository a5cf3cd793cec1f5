package io.docindexer.redrive;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.docindexer.config.RedriveConfig;
import io.docindexer.invocation.LogContext;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Lambda entry point of the redrive function, invoked by an operator with a small JSON request
 * (see events/redrive-*.json). Plain maps in and out: Lambda's built-in serialiser reads any JSON
 * object into a {@code Map<String, Object>} and writes one back, while a record would need a
 * serialiser that knows records.
 */
public final class RedriveHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private static final Logger LOG = LoggerFactory.getLogger(RedriveHandler.class);

    private final Redrive redrive;

    public RedriveHandler() {
        this(RedriveComponents.create(RedriveConfig.fromEnv(System.getenv())).redrive());
    }

    RedriveHandler(Redrive redrive) {
        this.redrive = redrive;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> request, Context context) {
        try (LogContext.Scope invocation = LogContext.invocation(context.getAwsRequestId())) {
            Map<String, Object> response =
                    redrive.run(RedriveRequest.parse(request), context::getRemainingTimeInMillis);
            log(response);
            return response;
        }
    }

    /** One line per invocation, what was asked and what happened, its fields those of the response. */
    private static void log(Map<String, Object> response) {
        LoggingEventBuilder line = LOG.atInfo().addKeyValue("event", "redrive");
        response.forEach(line::addKeyValue);
        line.log("redrive");
    }
}
