package io.docindexer.redrive;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docindexer.config.RedriveConfig;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lambda entry point of the redrive function, invoked by an operator with a small JSON request
 * (see events/redrive-*.json). Plain maps in and out: Lambda's built-in serialiser reads any JSON
 * object into a {@code Map<String, Object>} and writes one back, while a record would need a
 * serialiser that knows records.
 */
public final class RedriveHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final Redrive redrive;
    private final PrintStream log;
    private final ObjectMapper json = new ObjectMapper();

    public RedriveHandler() {
        this(RedriveComponents.create(RedriveConfig.fromEnv(System.getenv())).redrive(), System.out);
    }

    /** @param log where the one log line per invocation goes: stdout on Lambda, stderr for the CLI */
    RedriveHandler(Redrive redrive, PrintStream log) {
        this.redrive = redrive;
        this.log = log;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> request, Context context) {
        Map<String, Object> response = redrive.run(RedriveRequest.parse(request), context::getRemainingTimeInMillis);
        log(response);
        return response;
    }

    /** One JSON line per invocation: what was asked and what happened, for the log group. */
    private void log(Map<String, Object> response) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("event", "redrive");
        line.putAll(response);
        try {
            log.println(json.writeValueAsString(line));
        } catch (JsonProcessingException unwritable) {
            log.println("redrive: " + response);
        }
    }
}
