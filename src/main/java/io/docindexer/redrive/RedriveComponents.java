package io.docindexer.redrive;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.docindexer.config.RedriveConfig;
import io.docindexer.event.S3EventParser;
import io.docindexer.sqs.SqsClients;
import io.docindexer.sqs.SqsDeadLetterQueueGateway;
import io.docindexer.sqs.SqsMessageMoveTasks;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Wires the redrive function from its configuration, once per container. */
public final class RedriveComponents implements AutoCloseable {

    /** Sent in every request's User-Agent ({@code app/docindexer-redrive}), so CloudTrail shows which function made a call. */
    public static final String APP_ID = "docindexer-redrive";

    /**
     * Kept free at the end of an invocation: releasing what a scan holds takes one call per ten
     * messages, and the response must still go out.
     */
    static final long SAFETY_MARGIN_MILLIS = 20_000;

    private final SdkHttpClient http;
    private final SqsClient sqs;
    private final Redrive redrive;

    private RedriveComponents(RedriveConfig config) {
        this.http = SqsClients.httpClient();
        this.sqs = SqsClients.create(
                http,
                SqsClients.overrides(Duration.ofSeconds(30), Duration.ofSeconds(10), APP_ID),
                config.sqsEndpoint());
        this.redrive = new Redrive(
                new SqsMessageMoveTasks(sqs, config.dlqArn(), config.sourceQueueArn()),
                new SelectiveRedrive(
                        new SqsDeadLetterQueueGateway(sqs, config.dlqUrl(), config.sourceQueueUrl()),
                        new ObjectKeys(new S3EventParser(new ObjectMapper())),
                        Clock.systemUTC(),
                        SAFETY_MARGIN_MILLIS));
    }

    public static RedriveComponents create(RedriveConfig config) {
        return new RedriveComponents(config);
    }

    public Redrive redrive() {
        return redrive;
    }

    /** A handler over these components, for local runs. */
    public RedriveHandler handler() {
        return new RedriveHandler(redrive);
    }

    @Override
    public void close() {
        sqs.close();
        http.close();
    }
}
