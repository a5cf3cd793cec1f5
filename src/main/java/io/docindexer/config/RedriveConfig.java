package io.docindexer.config;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the redrive function needs from its environment, validated once at init with every
 * problem listed. Both queues are named twice, by URL (for receive, send and delete) and by ARN
 * (for message move tasks): the template knows both, so the function never has to look one up,
 * and a URL and ARN that name different queues are caught here rather than half-way through a
 * redrive.
 *
 * @param dlqUrl the dead-letter queue messages are taken from
 * @param dlqArn the same queue's ARN, the source of message move tasks
 * @param sourceQueueUrl the ingest queue messages go back to
 * @param sourceQueueArn the same queue's ARN, the destination of message move tasks
 * @param sqsEndpoint an endpoint override for SQS (the local ElasticMQ); empty on AWS
 */
public record RedriveConfig(
        String dlqUrl, String dlqArn, String sourceQueueUrl, String sourceQueueArn, Optional<URI> sqsEndpoint) {

    public static final String DLQ_URL = IngestConfig.DLQ_URL;
    public static final String DLQ_ARN = "DLQ_ARN";
    public static final String SOURCE_QUEUE_URL = "SOURCE_QUEUE_URL";
    public static final String SOURCE_QUEUE_ARN = "SOURCE_QUEUE_ARN";
    public static final String SQS_ENDPOINT = IngestConfig.SQS_ENDPOINT;

    /** The variables a deployment must set (the template test checks template.yaml sets them all). */
    public static final Set<String> DEPLOYED_VARIABLES = Set.of(DLQ_URL, DLQ_ARN, SOURCE_QUEUE_URL, SOURCE_QUEUE_ARN);

    /** {@code arn:PARTITION:sqs:REGION:ACCOUNT:NAME}; group 1 is the queue name. */
    private static final String QUEUE_ARN_FORM = "an SQS queue ARN, arn:aws:sqs:REGION:ACCOUNT:NAME";

    private static final Pattern QUEUE_ARN =
            Pattern.compile("arn:aws[a-z-]*:sqs:[a-z0-9-]+:[0-9]{12}:([A-Za-z0-9_-]{1,80}(\\.fifo)?)");

    public static RedriveConfig fromEnv(Map<String, String> env) {
        EnvironmentReader reader = new EnvironmentReader(env);
        String dlqUrl = url(reader, DLQ_URL);
        String dlqArn = reader.requiredMatching(DLQ_ARN, QUEUE_ARN.pattern(), QUEUE_ARN_FORM);
        String sourceUrl = url(reader, SOURCE_QUEUE_URL);
        String sourceArn = reader.requiredMatching(SOURCE_QUEUE_ARN, QUEUE_ARN.pattern(), QUEUE_ARN_FORM);
        Optional<URI> sqsEndpoint = reader.optionalUri(SQS_ENDPOINT);
        sameQueue(reader, DLQ_URL, dlqUrl, DLQ_ARN, dlqArn);
        sameQueue(reader, SOURCE_QUEUE_URL, sourceUrl, SOURCE_QUEUE_ARN, sourceArn);
        if (dlqArn != null && dlqArn.equals(sourceArn)) {
            reader.problem(DLQ_ARN + " and " + SOURCE_QUEUE_ARN
                    + " are the same queue; a redrive would move messages onto themselves");
        }
        reader.throwIfProblems();
        return new RedriveConfig(dlqUrl, dlqArn, sourceUrl, sourceArn, sqsEndpoint);
    }

    private static String url(EnvironmentReader reader, String name) {
        URI url = reader.requiredUri(name);
        return url == null ? null : url.toString();
    }

    /** A queue URL ends with the queue's name, and so does its ARN: swapped variables differ here. */
    private static void sameQueue(EnvironmentReader reader, String urlName, String url, String arnName, String arn) {
        if (url == null || arn == null) {
            return;
        }
        Matcher matcher = QUEUE_ARN.matcher(arn);
        String queueName = matcher.matches() ? matcher.group(1) : "";
        if (!url.endsWith("/" + queueName)) {
            reader.problem(urlName + " (" + url + ") and " + arnName + " (" + arn + ") name different queues");
        }
    }
}
