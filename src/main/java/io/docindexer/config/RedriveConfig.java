package io.docindexer.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
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
        String dlqUrl,
        String dlqArn,
        String sourceQueueUrl,
        String sourceQueueArn,
        Optional<URI> sqsEndpoint) {

    public static final String DLQ_URL = IngestConfig.DLQ_URL;
    public static final String DLQ_ARN = "DLQ_ARN";
    public static final String SOURCE_QUEUE_URL = "SOURCE_QUEUE_URL";
    public static final String SOURCE_QUEUE_ARN = "SOURCE_QUEUE_ARN";
    public static final String SQS_ENDPOINT = IngestConfig.SQS_ENDPOINT;

    /** The variables a deployment must set (the template test checks template.yaml sets them all). */
    public static final Set<String> DEPLOYED_VARIABLES = Set.of(DLQ_URL, DLQ_ARN, SOURCE_QUEUE_URL, SOURCE_QUEUE_ARN);

    /** {@code arn:PARTITION:sqs:REGION:ACCOUNT:NAME}; group 1 is the queue name. */
    private static final Pattern QUEUE_ARN = Pattern.compile("arn:aws[a-z-]*:sqs:[a-z0-9-]+:[0-9]{12}:([A-Za-z0-9_-]{1,80}(\\.fifo)?)");

    public static RedriveConfig fromEnv(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        String dlqUrl = url(env, DLQ_URL, problems);
        String dlqArn = arn(env, DLQ_ARN, problems);
        String sourceUrl = url(env, SOURCE_QUEUE_URL, problems);
        String sourceArn = arn(env, SOURCE_QUEUE_ARN, problems);
        Optional<URI> sqsEndpoint = value(env, SQS_ENDPOINT).isEmpty() ? Optional.empty()
                : Optional.ofNullable(url(env, SQS_ENDPOINT, problems)).map(URI::create);
        sameQueue(DLQ_URL, dlqUrl, DLQ_ARN, dlqArn, problems);
        sameQueue(SOURCE_QUEUE_URL, sourceUrl, SOURCE_QUEUE_ARN, sourceArn, problems);
        if (dlqArn != null && dlqArn.equals(sourceArn)) {
            problems.add(DLQ_ARN + " and " + SOURCE_QUEUE_ARN + " are the same queue; a redrive would move messages onto themselves");
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return new RedriveConfig(dlqUrl, dlqArn, sourceUrl, sourceArn, sqsEndpoint);
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private static String url(Map<String, String> env, String name, List<String> problems) {
        Optional<String> value = value(env, name);
        if (value.isEmpty()) {
            problems.add(name + " is not set; it is required");
            return null;
        }
        try {
            URI uri = URI.create(value.get());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return value.get();
            }
        } catch (IllegalArgumentException malformed) {
            // reported below with the expected form
        }
        problems.add(name + " is '" + value.get() + "'; expected an http:// or https:// URL with a host");
        return null;
    }

    private static String arn(Map<String, String> env, String name, List<String> problems) {
        Optional<String> value = value(env, name);
        if (value.isEmpty()) {
            problems.add(name + " is not set; it is required");
            return null;
        }
        if (!QUEUE_ARN.matcher(value.get()).matches()) {
            problems.add(name + " is '" + value.get() + "'; expected an SQS queue ARN, arn:aws:sqs:REGION:ACCOUNT:NAME");
            return null;
        }
        return value.get();
    }

    /** A queue URL ends with the queue's name, and so does its ARN: swapped variables differ here. */
    private static void sameQueue(String urlName, String url, String arnName, String arn, List<String> problems) {
        if (url == null || arn == null) {
            return;
        }
        Matcher matcher = QUEUE_ARN.matcher(arn);
        String queueName = matcher.matches() ? matcher.group(1) : "";
        if (!url.endsWith("/" + queueName)) {
            problems.add(urlName + " (" + url + ") and " + arnName + " (" + arn + ") name different queues");
        }
    }
}
