package io.docindexer.batch;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** SQS records as Lambda delivers them from a standard queue, first delivery, ids m1, m2, ... */
public final class SqsMessages {

    /** The default settings' backoff, with a seeded random so that a run repeats exactly. */
    public static final Backoff BACKOFF =
            new Backoff(Duration.ofMinutes(20), Duration.ofHours(4), new SplittableRandom(15));

    private SqsMessages() {}

    public static List<SQSMessage> firstDeliveries(String... bodies) {
        List<SQSMessage> messages = new ArrayList<>();
        for (int i = 0; i < bodies.length; i++) {
            SQSMessage message = new SQSMessage();
            message.setMessageId("m" + (i + 1));
            message.setBody(bodies[i]);
            message.setEventSourceArn("arn:aws:sqs:eu-west-1:123456789012:docs");
            message.setAttributes(new HashMap<>(Map.of("ApproximateReceiveCount", "1")));
            messages.add(message);
        }
        return messages;
    }
}
