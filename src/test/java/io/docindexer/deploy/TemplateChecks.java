package io.docindexer.deploy;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.docindexer.config.IngestConfig;
import io.docindexer.config.RedriveConfig;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

/**
 * The deployment invariants of DESIGN.md, checked on a parsed template (long-form intrinsics, as
 * produced by {@link CloudFormationYaml}). Each method adds human-readable problems; an empty list
 * means the template holds every invariant. Checks read the template generically (every function,
 * queue, bucket, policy) so that resources added later are held to the same rules.
 */
public final class TemplateChecks {

    /** Actions without resource-level permissions: the only ones allowed on Resource "*". */
    static final Set<String> ACTIONS_ALLOWED_ON_ANY_RESOURCE =
            Set.of("xray:PutTraceSegments", "xray:PutTelemetryRecords");

    /**
     * Variables the template sets for the runtime rather than for IngestConfig (whose own list is
     * {@link IngestConfig#DEPLOYED_VARIABLES}), each with a fragment its value must contain.
     */
    static final Map<String, String> RUNTIME_VARIABLES = Map.of(
            "TESSDATA_PREFIX", "/opt/share/tessdata",
            "OMP_THREAD_LIMIT", "1",
            "JAVA_TOOL_OPTIONS", "-Djna.library.path=/opt/lib/");

    static final String INGEST_HANDLER_CLASS = "io.docindexer.ingest.IngestHandler";
    static final String REDRIVE_HANDLER_CLASS = "io.docindexer.redrive.RedriveHandler";

    /** Lambda's guidance: visibility timeout >= 6 x function timeout (+ batching window). */
    static final int VISIBILITY_TIMEOUT_FACTOR = 6;

    static final int MIN_MAX_RECEIVE_COUNT = 5;
    static final long FOURTEEN_DAYS = 14 * 24 * 3600;

    private static final List<String> PUBLIC_ACCESS_BLOCKS =
            List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets");
    private static final long SQS_DEFAULT_VISIBILITY_TIMEOUT = 30;
    private static final long SQS_DEFAULT_RETENTION = 4 * 24 * 3600;
    private static final long LAMBDA_DEFAULT_TIMEOUT = 3;
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

    private enum Bound {
        MIN,
        MAX
    }

    private final Map<String, Object> template;
    private final List<String> problems = new ArrayList<>();

    private TemplateChecks(Map<String, Object> template) {
        this.template = template;
    }

    /** Every invariant that can be checked from the template alone. */
    static List<String> problems(Map<String, Object> template) {
        TemplateChecks checks = new TemplateChecks(template);
        checks.referencesResolve();
        checks.functionsHaveExplicitRoles();
        checks.ingestEnvironmentIsComplete();
        checks.redriveFunctionsPointAtADeadLetterQueueAndItsSource();
        checks.layersMatchTheirFunctions();
        checks.sqsEventSourcesAreSafe();
        checks.iamStatementsAreScoped();
        checks.bucketsArePrivateAndEncrypted();
        checks.bucketsRefuseInsecureTransport();
        checks.bucketNotificationsReachTheIngestQueue();
        checks.queuesAreEncrypted();
        checks.openSearchDomainsAreEncrypted();
        checks.alarmsSayWhenTheyClear();
        return checks.problems;
    }

    /**
     * The handler of every function names a class on the test classpath that implements
     * RequestHandler or RequestStreamHandler. A RequestHandler fed by SQS must return
     * SQSBatchResponse, or Lambda ignores the partial batch response that ReportBatchItemFailures
     * asks for; a stream handler writes that response itself, which only running it can check
     * (LambdaRuntimeIT, under the runtime client).
     */
    static List<String> handlerProblems(Map<String, Object> template) {
        TemplateChecks checks = new TemplateChecks(template);
        checks.functions().forEach((name, function) -> checks.checkHandler(name, function));
        return checks.problems;
    }

    // --- Checks --------------------------------------------------------------------------------

    private void checkHandler(String name, Map<String, Object> function) {
        String handler = String.valueOf(properties(function).get("Handler"));
        String[] parts = handler.split("::", 2);
        if (parts.length != 2 || !parts[1].equals("handleRequest")) {
            problems.add(name + ": Handler " + handler + " must be <class>::handleRequest");
        }
        Class<?> handlerClass;
        try {
            // Not initialised: static initialisers may read the Lambda environment.
            handlerClass = Class.forName(parts[0], false, TemplateChecks.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            problems.add(name + ": handler class " + parts[0] + " does not exist");
            return;
        }
        boolean streams = RequestStreamHandler.class.isAssignableFrom(handlerClass);
        if (!streams && !RequestHandler.class.isAssignableFrom(handlerClass)) {
            problems.add(name + ": " + parts[0] + " implements neither RequestHandler nor RequestStreamHandler");
            return;
        }
        // A stream handler writes its own response JSON: LambdaRuntimeIT checks it under the runtime client.
        if (!streams && !sqsEvents(function).isEmpty()) {
            List<Type> types = requestHandlerTypes(handlerClass);
            if (!types.equals(List.of(SQSEvent.class, SQSBatchResponse.class))) {
                problems.add(name + ": " + parts[0] + " is fed by SQS and must implement"
                        + " RequestHandler<SQSEvent, SQSBatchResponse>, not " + types);
            }
        }
    }

    /** Every Ref, GetAtt, Sub variable and condition name points at something that exists. */
    private void referencesResolve() {
        Set<String> parameters = map(template.get("Parameters")).keySet();
        Set<String> resources = resources().keySet();
        Set<String> conditions = map(template.get("Conditions")).keySet();
        resources().forEach((name, resource) -> {
            Object condition = resource.get("Condition");
            if (condition != null && !conditions.contains(condition)) {
                problems.add(name + ": unknown condition " + condition);
            }
        });
        for (String section : List.of("Resources", "Outputs", "Conditions", "Rules")) {
            walk(template.get(section), node -> {
                if (node.size() != 1) {
                    return;
                }
                Map.Entry<String, Object> intrinsic = node.entrySet().iterator().next();
                Object argument = intrinsic.getValue();
                switch (intrinsic.getKey()) {
                    case "Ref" -> {
                        String target = String.valueOf(argument);
                        if (!parameters.contains(target)
                                && !resources.contains(target)
                                && !target.startsWith("AWS::")) {
                            problems.add(section + ": Ref to unknown " + target);
                        }
                    }
                    case "Fn::GetAtt" -> {
                        Object target =
                                list(argument).isEmpty() ? null : list(argument).get(0);
                        if (!resources.contains(target)) {
                            problems.add(section + ": GetAtt of unknown resource " + target);
                        }
                    }
                    case "Fn::Sub" -> {
                        Object text = argument instanceof List<?> form ? form.get(0) : argument;
                        Set<String> locals = argument instanceof List<?> form && form.size() > 1
                                ? map(form.get(1)).keySet()
                                : Set.of();
                        Matcher variables = SUB_VARIABLE.matcher(String.valueOf(text));
                        while (variables.find()) {
                            String variable = variables.group(1);
                            String head = variable.split("\\.", 2)[0];
                            boolean known = locals.contains(variable)
                                    || variable.startsWith("AWS::")
                                    || (variable.contains(".")
                                            ? resources.contains(head)
                                            : parameters.contains(variable) || resources.contains(variable));
                            if (!known) {
                                problems.add(section + ": Sub variable ${" + variable + "} is unknown");
                            }
                        }
                    }
                    case "Fn::If", "Condition" -> {
                        Object condition = argument instanceof List<?> form ? form.get(0) : argument;
                        if (!conditions.contains(condition)) {
                            problems.add(section + ": unknown condition " + condition);
                        }
                    }
                    default -> {}
                }
            });
        }
    }

    /**
     * Without Role, SAM creates one with managed policies that allow Resource "*":
     * AWSLambdaBasicExecutionRole (logs), and for an SQS event AWSLambdaSQSQueueExecutionRole
     * (receive/delete on every queue in the account).
     */
    private void functionsHaveExplicitRoles() {
        functions().forEach((name, function) -> {
            if (!properties(function).containsKey("Role") && !globalFunction().containsKey("Role")) {
                problems.add(name + ": no Role, so SAM attaches managed policies that allow Resource \"*\"");
            }
        });
    }

    private void ingestEnvironmentIsComplete() {
        Map<String, Map<String, Object>> ingest = functionsWithHandler(INGEST_HANDLER_CLASS);
        if (ingest.isEmpty()) {
            problems.add("no function has the handler " + INGEST_HANDLER_CLASS + "::handleRequest");
        }
        ingest.forEach((name, function) -> {
            Map<String, Object> variables = environment(function);
            for (String variable : new TreeSet<>(IngestConfig.DEPLOYED_VARIABLES)) {
                if (!variables.containsKey(variable)) {
                    problems.add(name + ": environment variable " + variable + " is not set");
                }
            }
            RUNTIME_VARIABLES.forEach((variable, fragment) -> {
                Object value = variables.get(variable);
                if (value == null || !String.valueOf(value).contains(fragment)) {
                    problems.add(name + ": environment variable " + variable + " must contain " + fragment);
                }
            });
        });
    }

    /**
     * DESIGN.md: the DLQ has a way back. Each redrive function gets every variable RedriveConfig
     * requires, and they name a queue and the DLQ its RedrivePolicy sends to, URL and ARN alike:
     * a redrive that reads one queue and moves to another would be wrong without an error.
     */
    private void redriveFunctionsPointAtADeadLetterQueueAndItsSource() {
        Map<String, Map<String, Object>> redrive = functionsWithHandler(REDRIVE_HANDLER_CLASS);
        if (redrive.isEmpty()) {
            problems.add("no function has the handler " + REDRIVE_HANDLER_CLASS + "::handleRequest");
        }
        redrive.forEach((name, function) -> {
            Map<String, Object> variables = environment(function);
            for (String variable : new TreeSet<>(RedriveConfig.DEPLOYED_VARIABLES)) {
                if (!variables.containsKey(variable)) {
                    problems.add(name + ": environment variable " + variable + " is not set");
                }
            }
            Optional<String> dlq = sameQueue(name, variables, RedriveConfig.DLQ_URL, RedriveConfig.DLQ_ARN);
            Optional<String> source =
                    sameQueue(name, variables, RedriveConfig.SOURCE_QUEUE_URL, RedriveConfig.SOURCE_QUEUE_ARN);
            if (dlq.isPresent() && source.isPresent()) {
                Optional<String> sourceDlq = referencedResource(
                        map(properties(resources().get(source.get())).get("RedrivePolicy"))
                                .get("deadLetterTargetArn"));
                if (!sourceDlq.equals(dlq)) {
                    problems.add(
                            name + ": " + RedriveConfig.DLQ_URL + " names " + dlq.get() + ", but the RedrivePolicy of "
                                    + source.get() + " sends to " + sourceDlq.orElse("no queue of this template"));
                }
            }
        });
    }

    /** The queue both variables name (!Ref Q for the URL, !GetAtt Q.Arn for the ARN), if they agree. */
    private Optional<String> sameQueue(
            String function, Map<String, Object> variables, String urlVariable, String arnVariable) {
        Optional<String> byUrl = Optional.ofNullable(
                        map(variables.get(urlVariable)).get("Ref"))
                .map(String::valueOf)
                .filter(queue -> isType(queue, "AWS::SQS::Queue"));
        List<Object> getAtt = list(map(variables.get(arnVariable)).get("Fn::GetAtt"));
        Optional<String> byArn = getAtt.size() == 2 && "Arn".equals(getAtt.get(1))
                ? Optional.of(String.valueOf(getAtt.get(0))).filter(queue -> isType(queue, "AWS::SQS::Queue"))
                : Optional.empty();
        if (byUrl.isEmpty() || !byUrl.equals(byArn)) {
            if (variables.containsKey(urlVariable) && variables.containsKey(arnVariable)) {
                problems.add(function + ": " + urlVariable + " and " + arnVariable
                        + " must be !Ref and !GetAtt .Arn of the same queue of this template");
            }
            return Optional.empty();
        }
        return byUrl;
    }

    /**
     * A layer built for another architecture or runtime fails only at run time (the native
     * libraries do not load). The Tesseract layer carries the natives of every architecture in
     * lib/ARCH, so each function must pick the folder of the architecture it runs on, named by
     * the same value (or parameter) as its Architectures, and the layer must be compatible with
     * every architecture that value can take.
     */
    private void layersMatchTheirFunctions() {
        functions().forEach((functionName, function) -> {
            Map<String, Object> properties = properties(function);
            Object architecture = list(properties.getOrDefault("Architectures", List.of("x86_64")))
                    .get(0);
            for (Object layerReference : list(properties.get("Layers"))) {
                Optional<String> layerName = referencedResource(layerReference)
                        .filter(layer -> isType(layer, "AWS::Serverless::LayerVersion"));
                if (layerName.isEmpty()) {
                    continue;
                }
                Map<String, Object> layer = resources().get(layerName.get());
                String where = functionName + " layer " + layerName.get();
                if (!list(properties(layer).get("CompatibleRuntimes")).contains(properties.get("Runtime"))) {
                    problems.add(where + ": CompatibleRuntimes lacks " + properties.get("Runtime"));
                }
                List<Object> possible = possibleValues(architecture);
                if (!list(properties(layer).get("CompatibleArchitectures")).containsAll(possible)) {
                    problems.add(
                            where + ": CompatibleArchitectures must list every architecture the function may run on "
                                    + possible);
                }
                String expected = "-Djna.library.path=/opt/lib/" + substitution(architecture);
                Object options =
                        map(map(properties.get("Environment")).get("Variables")).get("JAVA_TOOL_OPTIONS");
                if (!String.valueOf(map(options).getOrDefault("Fn::Sub", options))
                        .contains(expected)) {
                    problems.add(where + ": JAVA_TOOL_OPTIONS must contain " + expected
                            + ", the natives of the architecture in Architectures");
                }
            }
        });
    }

    /** The values a literal or a Ref to a parameter can take: the parameter's AllowedValues. */
    private List<Object> possibleValues(Object value) {
        Object reference = map(value).get("Ref");
        return reference == null
                ? List.of(value)
                : list(map(map(template.get("Parameters")).get(reference)).get("AllowedValues"));
    }

    /** How a literal or a Ref to a parameter reads inside Fn::Sub. */
    private static String substitution(Object value) {
        Object reference = map(value).get("Ref");
        return reference == null ? String.valueOf(value) : "${" + reference + "}";
    }

    private void sqsEventSourcesAreSafe() {
        functions()
                .forEach((functionName, function) -> sqsEvents(function).forEach((eventName, event) -> {
                    String where = functionName + " event " + eventName;
                    if (!list(event.get("FunctionResponseTypes")).contains("ReportBatchItemFailures")) {
                        problems.add(where + ": FunctionResponseTypes lacks ReportBatchItemFailures,"
                                + " so one failed record makes the whole batch retry");
                    }
                    Optional<String> queueName =
                            referencedResource(event.get("Queue")).filter(queue -> isType(queue, "AWS::SQS::Queue"));
                    if (queueName.isEmpty()) {
                        problems.add(where + ": Queue must be !GetAtt <queue of this template>.Arn");
                        return;
                    }
                    Map<String, Object> queue = properties(resources().get(queueName.get()));
                    visibilityTimeoutCoversRetries(where, function, event, queueName.get(), queue);
                    redrivesToADeadLetterQueue(queueName.get(), queue);
                }));
    }

    /**
     * Checked for every allowed function timeout when the timeout is a parameter with
     * AllowedValues (CloudFormation cannot multiply, so the template maps each to a visibility
     * timeout), otherwise for the worst case.
     */
    private void visibilityTimeoutCoversRetries(
            String where,
            Map<String, Object> function,
            Map<String, Object> event,
            String queueName,
            Map<String, Object> queue) {
        Object timeout = properties(function)
                .getOrDefault("Timeout", globalFunction().getOrDefault("Timeout", LAMBDA_DEFAULT_TIMEOUT));
        Object visibility = queue.getOrDefault("VisibilityTimeout", SQS_DEFAULT_VISIBILITY_TIMEOUT);
        OptionalLong window = evaluate(event.getOrDefault("MaximumBatchingWindowInSeconds", 0), Map.of(), Bound.MAX);
        for (Map<String, String> scenario : scenarios(timeout)) {
            OptionalLong seconds = evaluate(timeout, scenario, Bound.MAX);
            OptionalLong visible = evaluate(visibility, scenario, Bound.MIN);
            if (seconds.isEmpty() || visible.isEmpty() || window.isEmpty()) {
                problems.add(where + ": cannot evaluate the function timeout, the batching window or " + queueName
                        + "'s VisibilityTimeout " + scenario);
                continue;
            }
            long needed = VISIBILITY_TIMEOUT_FACTOR * seconds.getAsLong() + window.getAsLong();
            if (visible.getAsLong() < needed) {
                problems.add(String.format(
                        "%s: %s VisibilityTimeout %d < %d x Timeout %d + batching window %d %s",
                        where,
                        queueName,
                        visible.getAsLong(),
                        VISIBILITY_TIMEOUT_FACTOR,
                        seconds.getAsLong(),
                        window.getAsLong(),
                        scenario));
            }
        }
    }

    private void redrivesToADeadLetterQueue(String queueName, Map<String, Object> queue) {
        Map<String, Object> redrive = map(queue.get("RedrivePolicy"));
        Optional<String> dlqName =
                referencedResource(redrive.get("deadLetterTargetArn")).filter(dlq -> isType(dlq, "AWS::SQS::Queue"));
        if (dlqName.isEmpty()) {
            problems.add(queueName + ": RedrivePolicy must send to a DLQ of this template (!GetAtt <dlq>.Arn)");
            return;
        }
        OptionalLong receives = evaluate(redrive.get("maxReceiveCount"), Map.of(), Bound.MIN);
        if (receives.isEmpty() || receives.getAsLong() < MIN_MAX_RECEIVE_COUNT) {
            problems.add(queueName + ": maxReceiveCount must be at least " + MIN_MAX_RECEIVE_COUNT
                    + " (a parameter needs MinValue), got " + redrive.get("maxReceiveCount"));
        }
        Map<String, Object> dlq = properties(resources().get(dlqName.get()));
        Map<String, Object> allow = map(dlq.get("RedriveAllowPolicy"));
        boolean namesSource =
                list(allow.get("sourceQueueArns")).stream().anyMatch(arn -> namesQueue(arn, queueName, queue));
        if (!"byQueue".equals(allow.get("redrivePermission")) || !namesSource) {
            problems.add(
                    dlqName.get() + ": RedriveAllowPolicy must be byQueue with sourceQueueArns naming " + queueName);
        }
        OptionalLong dlqRetention =
                evaluate(dlq.getOrDefault("MessageRetentionPeriod", SQS_DEFAULT_RETENTION), Map.of(), Bound.MIN);
        OptionalLong sourceRetention =
                evaluate(queue.getOrDefault("MessageRetentionPeriod", SQS_DEFAULT_RETENTION), Map.of(), Bound.MAX);
        if (dlqRetention.isEmpty() || dlqRetention.getAsLong() != FOURTEEN_DAYS) {
            problems.add(dlqName.get() + ": MessageRetentionPeriod must be 14 days (" + FOURTEEN_DAYS + ")");
        } else if (sourceRetention.isEmpty() || sourceRetention.getAsLong() >= FOURTEEN_DAYS) {
            // A message keeps its enqueue time in the DLQ: it needs longer retention there.
            problems.add(queueName + ": MessageRetentionPeriod must be shorter than its DLQ's");
        }
    }

    private void iamStatementsAreScoped() {
        resources()
                .forEach((name, resource) -> policyDocuments(resource)
                        .forEach(document -> alternatives(map(document).get("Statement"))
                                .forEach(statement -> checkStatement(name, map(statement)))));
    }

    private void checkStatement(String resourceName, Map<String, Object> statement) {
        if (!"Allow".equals(statement.get("Effect"))) {
            return;
        }
        String where = resourceName + " statement " + statement.getOrDefault("Sid", "(no Sid)");
        if (statement.containsKey("NotAction") || statement.containsKey("NotResource")) {
            problems.add(where + ": Allow with NotAction/NotResource grants more than it names");
        }
        List<String> actions = alternatives(statement.get("Action")).stream()
                .map(String::valueOf)
                .toList();
        actions.stream()
                .filter(action -> action.contains("*"))
                .forEach(action -> problems.add(where + ": wildcard action " + action));
        if (alternatives(statement.get("Resource")).contains("*")) {
            List<String> notAllowed = actions.stream()
                    .filter(action -> !ACTIONS_ALLOWED_ON_ANY_RESOURCE.contains(action))
                    .toList();
            if (!notAllowed.isEmpty()) {
                problems.add(where + ": allows " + notAllowed + " on Resource \"*\"");
            }
        }
    }

    private void bucketsArePrivateAndEncrypted() {
        resourcesOfType("AWS::S3::Bucket").forEach((name, bucket) -> {
            Map<String, Object> properties = properties(bucket);
            Map<String, Object> block = map(properties.get("PublicAccessBlockConfiguration"));
            for (String setting : PUBLIC_ACCESS_BLOCKS) {
                if (!Boolean.TRUE.equals(block.get(setting))) {
                    problems.add(name + ": PublicAccessBlockConfiguration." + setting + " must be true");
                }
            }
            boolean encrypted =
                    list(map(properties.get("BucketEncryption")).get("ServerSideEncryptionConfiguration")).stream()
                            .anyMatch(rule -> map(map(rule).get("ServerSideEncryptionByDefault"))
                                    .containsKey("SSEAlgorithm"));
            if (!encrypted) {
                problems.add(name + ": BucketEncryption with a default SSEAlgorithm is required");
            }
            if (properties.get("BucketName") instanceof String literal) {
                problems.add(name + ": BucketName " + literal + " is hard-coded (bucket names are global)");
            }
        });
    }

    /** Every bucket has a policy that denies any request not made over TLS (aws:SecureTransport false). */
    private void bucketsRefuseInsecureTransport() {
        Set<String> tlsOnly = new TreeSet<>();
        resourcesOfType("AWS::S3::BucketPolicy").forEach((name, policy) -> {
            boolean deniesPlainHttp = list(
                            map(properties(policy).get("PolicyDocument")).get("Statement"))
                    .stream()
                    .map(TemplateChecks::map)
                    .anyMatch(statement -> "Deny".equals(statement.get("Effect"))
                            && "false"
                                    .equals(String.valueOf(
                                            map(map(statement.get("Condition")).get("Bool"))
                                                    .get("aws:SecureTransport"))));
            if (deniesPlainHttp) {
                referencedResource(properties(policy).get("Bucket")).ifPresent(tlsOnly::add);
            }
        });
        resourcesOfType("AWS::S3::Bucket").keySet().stream()
                .filter(bucket -> !tlsOnly.contains(bucket))
                .forEach(bucket -> problems.add(
                        bucket + ": no bucket policy denies requests without TLS" + " (aws:SecureTransport false)"));
    }

    /** An alarm that notifies when it fires also notifies when it clears, so nobody chases a fixed problem. */
    private void alarmsSayWhenTheyClear() {
        resourcesOfType("AWS::CloudWatch::Alarm").forEach((name, alarm) -> {
            Map<String, Object> properties = properties(alarm);
            if (properties.containsKey("AlarmActions") && !properties.containsKey("OKActions")) {
                problems.add(name + ": AlarmActions without OKActions");
            }
        });
    }

    /**
     * Each ingest queue receives created and removed events from a bucket; the bucket waits for
     * the queue policy (S3 checks it may send when the notification is created), and that policy
     * names the bucket by the same constructed name the bucket uses.
     */
    private void bucketNotificationsReachTheIngestQueue() {
        Map<String, Set<String>> eventsByQueue = new LinkedHashMap<>();
        resourcesOfType("AWS::S3::Bucket").forEach((bucketName, bucket) -> {
            Map<String, Object> notifications = map(properties(bucket).get("NotificationConfiguration"));
            for (Object configuration : list(notifications.get("QueueConfigurations"))) {
                Optional<String> queue = referencedResource(map(configuration).get("Queue"));
                if (queue.isEmpty()) {
                    continue;
                }
                eventsByQueue
                        .computeIfAbsent(queue.get(), q -> new TreeSet<>())
                        .add(String.valueOf(map(configuration).get("Event")));
                checkQueuePolicyFor(bucketName, bucket, queue.get());
            }
        });
        functions().forEach((functionName, function) -> {
            if (!String.valueOf(properties(function).get("Handler")).startsWith(INGEST_HANDLER_CLASS + "::")) {
                return;
            }
            sqsEvents(function)
                    .values()
                    .forEach(event -> referencedResource(event.get("Queue")).ifPresent(queue -> {
                        Set<String> events = eventsByQueue.getOrDefault(queue, Set.of());
                        if (!events.containsAll(List.of("s3:ObjectCreated:*", "s3:ObjectRemoved:*"))) {
                            problems.add(queue + ": no bucket sends it s3:ObjectCreated:* and s3:ObjectRemoved:*, only "
                                    + events);
                        }
                    }));
        });
    }

    private void checkQueuePolicyFor(String bucketName, Map<String, Object> bucket, String queue) {
        Map<String, Map<String, Object>> policies = new LinkedHashMap<>();
        resourcesOfType("AWS::SQS::QueuePolicy").forEach((name, policy) -> {
            boolean coversQueue = list(properties(policy).get("Queues")).stream()
                    .anyMatch(q -> referencedResource(q).filter(queue::equals).isPresent());
            if (coversQueue) {
                policies.put(name, policy);
            }
        });
        if (policies.isEmpty()) {
            problems.add(queue + ": no AWS::SQS::QueuePolicy lets " + bucketName + " send to it");
            return;
        }
        List<Object> dependsOn = list(bucket.get("DependsOn"));
        if (policies.keySet().stream().noneMatch(dependsOn::contains)) {
            problems.add(bucketName + ": must DependsOn the queue policy of " + queue + " " + policies.keySet());
        }
        String constructedName = subText(properties(bucket).get("BucketName"));
        if (constructedName == null) {
            problems.add(bucketName + ": BucketName must be a constructed !Sub name, so that the queue policy"
                    + " can name the bucket without a circular dependency");
            return;
        }
        String expectedArn = "arn:${AWS::Partition}:s3:::" + constructedName;
        boolean scoped = policies.values().stream()
                .flatMap(
                        policy -> alternatives(
                                map(properties(policy).get("PolicyDocument")).get("Statement"))
                                .stream())
                .map(TemplateChecks::map)
                .filter(statement -> "Allow".equals(statement.get("Effect"))
                        && "s3.amazonaws.com"
                                .equals(map(statement.get("Principal")).get("Service")))
                .anyMatch(statement -> {
                    Map<String, Object> condition = map(statement.get("Condition"));
                    Object sourceArn = map(condition.get("ArnEquals"))
                            .getOrDefault(
                                    "aws:SourceArn",
                                    map(condition.get("ArnLike")).get("aws:SourceArn"));
                    return expectedArn.equals(subText(sourceArn))
                            && map(condition.get("StringEquals")).containsKey("aws:SourceAccount");
                });
        if (!scoped) {
            problems.add(queue + ": the queue policy must allow s3.amazonaws.com with aws:SourceArn " + expectedArn
                    + " and aws:SourceAccount");
        }
    }

    private void queuesAreEncrypted() {
        resourcesOfType("AWS::SQS::Queue").forEach((name, queue) -> {
            Map<String, Object> properties = properties(queue);
            if (!Boolean.TRUE.equals(properties.get("SqsManagedSseEnabled"))
                    && !properties.containsKey("KmsMasterKeyId")) {
                problems.add(name + ": not encrypted (SqsManagedSseEnabled: true or KmsMasterKeyId)");
            }
        });
    }

    private void openSearchDomainsAreEncrypted() {
        resourcesOfType("AWS::OpenSearchService::Domain").forEach((name, domain) -> {
            Map<String, Object> properties = properties(domain);
            Map<String, Object> endpoint = map(properties.get("DomainEndpointOptions"));
            if (!Boolean.TRUE.equals(endpoint.get("EnforceHTTPS"))
                    || !String.valueOf(endpoint.get("TLSSecurityPolicy")).contains("TLS-1-2")) {
                problems.add(name + ": DomainEndpointOptions must enforce HTTPS with TLS 1.2+");
            }
            for (String option : List.of("NodeToNodeEncryptionOptions", "EncryptionAtRestOptions")) {
                if (!Boolean.TRUE.equals(map(properties.get(option)).get("Enabled"))) {
                    problems.add(name + ": " + option + " must be enabled");
                }
            }
        });
    }

    // --- Evaluation of the few intrinsics the checks need ------------------------------------------

    /** One parameter assignment per allowed value when {@code value} is a Ref to such a parameter. */
    private List<Map<String, String>> scenarios(Object value) {
        Object reference = map(value).get("Ref");
        List<Object> allowed =
                list(map(map(template.get("Parameters")).get(reference)).get("AllowedValues"));
        if (reference == null || allowed.isEmpty()) {
            return List.of(Map.of());
        }
        return allowed.stream()
                .map(v -> Map.of(String.valueOf(reference), String.valueOf(v)))
                .toList();
    }

    /**
     * A number from a literal, a parameter (assigned in the scenario, else the bound of its
     * AllowedValues or MinValue/MaxValue) or a FindInMap whose keys evaluate; empty otherwise.
     */
    private OptionalLong evaluate(Object value, Map<String, String> scenario, Bound bound) {
        if (value instanceof Number number) {
            return OptionalLong.of(number.longValue());
        }
        if (value instanceof String text) {
            return text.matches("-?\\d+") ? OptionalLong.of(Long.parseLong(text)) : OptionalLong.empty();
        }
        Map<String, Object> intrinsic = map(value);
        if (intrinsic.containsKey("Ref")) {
            String parameterName = String.valueOf(intrinsic.get("Ref"));
            if (scenario.containsKey(parameterName)) {
                return evaluate(scenario.get(parameterName), scenario, bound);
            }
            Map<String, Object> parameter = map(map(template.get("Parameters")).get(parameterName));
            List<Object> allowed = list(parameter.get("AllowedValues"));
            if (!allowed.isEmpty()) {
                LongStream values = allowed.stream()
                        .map(v -> evaluate(v, scenario, bound))
                        .filter(OptionalLong::isPresent)
                        .mapToLong(OptionalLong::getAsLong);
                return bound == Bound.MIN ? values.min() : values.max();
            }
            return evaluate(parameter.get(bound == Bound.MIN ? "MinValue" : "MaxValue"), scenario, bound);
        }
        List<Object> lookup = list(intrinsic.get("Fn::FindInMap"));
        if (lookup.size() == 3) {
            Object entry = map(map(map(template.get("Mappings")).get(key(lookup.get(0), scenario)))
                            .get(key(lookup.get(1), scenario)))
                    .get(key(lookup.get(2), scenario));
            return entry == null ? OptionalLong.empty() : evaluate(entry, scenario, bound);
        }
        return OptionalLong.empty();
    }

    private static String key(Object value, Map<String, String> scenario) {
        Object reference = map(value).get("Ref");
        return reference != null ? scenario.get(String.valueOf(reference)) : String.valueOf(value);
    }

    // --- Template navigation ------------------------------------------------------------------

    private Map<String, Map<String, Object>> resources() {
        Map<String, Map<String, Object>> resources = new LinkedHashMap<>();
        map(template.get("Resources")).forEach((name, resource) -> resources.put(name, map(resource)));
        return resources;
    }

    private Map<String, Map<String, Object>> resourcesOfType(String type) {
        Map<String, Map<String, Object>> matching = new LinkedHashMap<>();
        resources().forEach((name, resource) -> {
            if (type.equals(resource.get("Type"))) {
                matching.put(name, resource);
            }
        });
        return matching;
    }

    private Map<String, Map<String, Object>> functions() {
        return resourcesOfType("AWS::Serverless::Function");
    }

    private Map<String, Map<String, Object>> functionsWithHandler(String handlerClass) {
        Map<String, Map<String, Object>> matching = new LinkedHashMap<>();
        functions().forEach((name, function) -> {
            if (String.valueOf(properties(function).get("Handler")).startsWith(handlerClass + "::")) {
                matching.put(name, function);
            }
        });
        return matching;
    }

    /** The function's environment variables over those of Globals. */
    private Map<String, Object> environment(Map<String, Object> function) {
        Map<String, Object> variables =
                new LinkedHashMap<>(map(map(globalFunction().get("Environment")).get("Variables")));
        variables.putAll(map(map(properties(function).get("Environment")).get("Variables")));
        return variables;
    }

    private Map<String, Object> globalFunction() {
        return map(map(template.get("Globals")).get("Function"));
    }

    private boolean isType(String resourceName, String type) {
        return type.equals(map(map(template.get("Resources")).get(resourceName)).get("Type"));
    }

    private static Map<String, Object> properties(Map<String, Object> resource) {
        return map(resource.get("Properties"));
    }

    private static Map<String, Map<String, Object>> sqsEvents(Map<String, Object> function) {
        Map<String, Map<String, Object>> events = new LinkedHashMap<>();
        map(properties(function).get("Events")).forEach((name, event) -> {
            if ("SQS".equals(map(event).get("Type"))) {
                events.put(name, map(map(event).get("Properties")));
            }
        });
        return events;
    }

    /** Policy documents of IAM resources and the inline statements of SAM functions' Policies. */
    private static List<Object> policyDocuments(Map<String, Object> resource) {
        Map<String, Object> properties = properties(resource);
        return switch (String.valueOf(resource.get("Type"))) {
            case "AWS::IAM::Role" ->
                alternatives(properties.get("Policies")).stream()
                        .map(policy -> map(policy).get("PolicyDocument"))
                        .toList();
            case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy" -> List.of(properties.get("PolicyDocument"));
            case "AWS::Serverless::Function", "AWS::Serverless::StateMachine" ->
                alternatives(properties.get("Policies")).stream()
                        .filter(policy -> map(policy).containsKey("Statement"))
                        .toList();
            default -> List.of();
        };
    }

    /** The resource a {@code !Ref X} or {@code !GetAtt X.Attribute} points at. */
    private static Optional<String> referencedResource(Object value) {
        Map<String, Object> intrinsic = map(value);
        if (intrinsic.get("Ref") instanceof String name) {
            return Optional.of(name);
        }
        List<Object> getAtt = list(intrinsic.get("Fn::GetAtt"));
        return getAtt.isEmpty() ? Optional.empty() : Optional.of(String.valueOf(getAtt.get(0)));
    }

    private static boolean namesQueue(Object arn, String queueName, Map<String, Object> queue) {
        if (referencedResource(arn).filter(queueName::equals).isPresent()) {
            return true;
        }
        String name = subText(queue.get("QueueName"));
        return name != null
                && ("arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:" + name).equals(subText(arn));
    }

    /** The text of a literal or a one-argument {@code !Sub}; null for anything else. */
    private static String subText(Object value) {
        if (value instanceof String text) {
            return text;
        }
        return map(value).get("Fn::Sub") instanceof String text ? text : null;
    }

    /**
     * The values a property can take: both branches of Fn::If, nothing for AWS::NoValue, the
     * elements of a list (flattened).
     */
    private static List<Object> alternatives(Object value) {
        List<Object> values = new ArrayList<>();
        if (value instanceof List<?> elements) {
            elements.forEach(element -> values.addAll(alternatives(element)));
        } else if (map(value).containsKey("Fn::If") && map(value).size() == 1) {
            List<Object> branches = list(map(value).get("Fn::If"));
            branches.subList(1, branches.size()).forEach(branch -> values.addAll(alternatives(branch)));
        } else if (!"AWS::NoValue".equals(map(value).get("Ref")) && value != null) {
            values.add(value);
        }
        return values;
    }

    private static List<Type> requestHandlerTypes(Class<?> handlerClass) {
        for (Class<?> type = handlerClass; type != null; type = type.getSuperclass()) {
            for (Type implemented : type.getGenericInterfaces()) {
                if (implemented instanceof ParameterizedType parameterized
                        && parameterized.getRawType() == RequestHandler.class) {
                    return Arrays.asList(parameterized.getActualTypeArguments());
                }
            }
        }
        return List.of();
    }

    private static void walk(Object node, Consumer<Map<String, Object>> visitor) {
        if (node instanceof Map<?, ?>) {
            Map<String, Object> mapping = map(node);
            visitor.accept(mapping);
            mapping.values().forEach(child -> walk(child, visitor));
        } else if (node instanceof List<?> elements) {
            elements.forEach(child -> walk(child, visitor));
        }
    }

    /** The value as a mapping; an empty one for anything else, so navigation never needs null checks. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
    }

    /** The value as a list: a single value is a list of one (as CloudFormation allows), null an empty one. */
    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value) {
        if (value instanceof List<?>) {
            return (List<Object>) value;
        }
        return value == null ? List.of() : List.of(value);
    }
}
