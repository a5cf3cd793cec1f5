package io.docindexer.redrive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docindexer.event.S3EventParser;
import io.docindexer.local.LocalContext;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The handler behind Lambda's own (de)serialiser, the one the java21 runtime uses for a
 * {@code RequestHandler}'s types: the sample requests in events/ arrive intact and the response
 * goes out as JSON. The SQS side is faked; the ITs run it against ElasticMQ.
 */
class RedriveHandlerTest {

    private final List<String> calls = new ArrayList<>();
    private final List<MoveTask> tasks = new ArrayList<>();
    private final InMemoryDeadLetterQueue dlq = new InMemoryDeadLetterQueue();
    private final RedriveHandler handler = new RedriveHandler(new Redrive(
            new MessageMoveTasks() {
                @Override
                public String start(OptionalInt maxPerSecond) {
                    calls.add("start " + maxPerSecond);
                    return "handle-1";
                }

                @Override
                public List<MoveTask> list() {
                    return tasks;
                }

                @Override
                public long cancel(String taskHandle) {
                    calls.add("cancel " + taskHandle);
                    return 7;
                }
            },
            new SelectiveRedrive(
                    dlq, new ObjectKeys(new S3EventParser(new ObjectMapper())), Clock.systemUTC(), 1_000)));

    @Test
    void theSampleAllRequestStartsAMoveTaskAtItsRate() throws Exception {
        Map<String, Object> response = invoke("redrive-all.json");

        assertThat(calls).containsExactly("start OptionalInt[50]");
        assertThat(response)
                .containsEntry("mode", "all")
                .containsEntry("taskHandle", "handle-1")
                .containsEntry("maxNumberOfMessagesPerSecond", 50);
    }

    @Test
    void theSampleStatusRequestListsTheTasksWithTheirProgress() throws Exception {
        tasks.add(new MoveTask(
                null, "COMPLETED", 12, 12L, null, Instant.parse("2025-06-01T10:00:00Z"), null, "arn:dest"));

        String json = toJson(invoke("redrive-status.json"));

        assertThat(json)
                .isEqualTo(
                        "{\"mode\":\"status\",\"tasks\":[{\"status\":\"COMPLETED\",\"approximateNumberOfMessagesMoved\":12,"
                                + "\"approximateNumberOfMessagesToMove\":12,\"startedAt\":\"2025-06-01T10:00:00Z\",\"destinationArn\":\"arn:dest\"}]}");
    }

    @Test
    void theSampleCancelRequestCancelsTheRunningTask() throws Exception {
        tasks.add(new MoveTask("handle-9", "RUNNING", 3, 10L, 5, Instant.now(), null, "arn:dest"));
        tasks.add(new MoveTask(null, "COMPLETED", 4, 4L, null, Instant.now(), null, "arn:dest"));

        Map<String, Object> response = invoke("redrive-cancel.json");

        assertThat(calls).containsExactly("cancel handle-9");
        assertThat(response).containsEntry("cancelled", true).containsEntry("approximateNumberOfMessagesMoved", 7L);
    }

    @Test
    void cancellingWhenNothingRunsSaysSoInsteadOfFailing() throws Exception {
        tasks.add(new MoveTask(null, "COMPLETED", 4, 4L, null, Instant.now(), null, "arn:dest"));

        assertThat(invoke("redrive-cancel.json"))
                .containsEntry("cancelled", false)
                .containsEntry("reason", "no message move task is running");
        assertThat(calls).isEmpty();
    }

    @Test
    void theSampleSelectiveRequestIsADryRun() throws Exception {
        dlq.add(new DeadLetter(
                "m1",
                "r1",
                MessageFilterTest.notification("invoices/a.pdf"),
                Map.of(),
                Instant.now().minusSeconds(7200),
                5,
                null));

        Map<String, Object> response = invoke("redrive-selective.json");

        assertThat(response)
                .containsEntry("dryRun", true)
                .containsEntry("matched", 1)
                .containsEntry("moved", 0);
        assertThat(dlq.source).isEmpty();
        assertThat(toJson(response)).contains("\"wouldMove\":[{\"messageId\":\"m1\",\"keys\":[\"invoices/a.pdf\"]");
    }

    @Test
    void aBadRequestFailsTheInvocationWithEveryProblem() {
        assertThatThrownBy(() -> handler.handleRequest(
                        Map.of("mode", "selective", "maxMessages", -1, "dryrun", true), new LocalContext(60_000)))
                .isInstanceOf(InvalidRedriveRequestException.class)
                .hasMessageContaining("maxMessages is -1")
                .hasMessageContaining("unknown field dryrun");
    }

    private Map<String, Object> invoke(String eventFile) throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("events", eventFile))) {
            return handler.handleRequest(requestSerializer().fromJson(in), new LocalContext(60_000));
        }
    }

    @SuppressWarnings("unchecked")
    private static PojoSerializer<Map<String, Object>> requestSerializer() {
        return (PojoSerializer<Map<String, Object>>)
                (PojoSerializer<?>) JacksonFactory.getInstance().getSerializer(handlerTypes()[0]);
    }

    @SuppressWarnings("unchecked")
    private static String toJson(Map<String, Object> response) {
        PojoSerializer<Object> serializer = JacksonFactory.getInstance().getSerializer(handlerTypes()[1]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer.toJson(response, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The generic types Lambda reads off the handler class, exactly as the runtime does. */
    private static Type[] handlerTypes() {
        return Arrays.stream(RedriveHandler.class.getGenericInterfaces())
                .map(ParameterizedType.class::cast)
                .filter(type -> type.getRawType() == RequestHandler.class)
                .findFirst()
                .orElseThrow()
                .getActualTypeArguments();
    }
}
