package io.docindexer.iam;

import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.regions.Region;

/**
 * Records every AWS API call the functions make, with the IAM permissions it needs. The SDK adds
 * it to every client, production ones included, because the test classpath lists it in
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors}: production code has no
 * hook for it. Calls are attributed by the app id in the User-Agent ({@link DeployedFunction});
 * the harness's own clients send none and are ignored.
 *
 * <p>A call is recorded before it is sent, so a call that fails still counts: on AWS it would need
 * the permission all the same. An operation {@link AwsPermissions} does not know is recorded as
 * such rather than thrown here, where production code might catch it and carry on.
 */
public final class AwsCallRecorder implements ExecutionInterceptor {

    private static final MoveTaskSources MOVE_TASKS = new MoveTaskSources();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        caller(context.httpRequest()).ifPresent(function -> {
            String operation = operation(attributes);
            try {
                RecordedCalls.add(new RecordedCall.Aws(
                        function, operation, AwsPermissions.needed(context.request(), region(attributes), MOVE_TASKS)));
            } catch (UnknownOperationException unknown) {
                RecordedCalls.add(new RecordedCall.UnknownAws(function, operation, unknown.getMessage()));
            }
        });
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        caller(context.httpRequest()).ifPresent(function -> {
            int status = context.httpResponse().statusCode();
            List<Permission> needs = AwsPermissions.neededForAnswer(context.request(), region(attributes), status);
            if (!needs.isEmpty()) {
                RecordedCalls.add(new RecordedCall.Aws(function, operation(attributes) + " answered " + status, needs));
            }
        });
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        // Every client's answers, the harness's too: an operator may cancel a task someone else started.
        MOVE_TASKS.remember(context.request(), context.response());
    }

    private static Optional<DeployedFunction> caller(SdkHttpRequest request) {
        return request.firstMatchingHeader("User-Agent").flatMap(DeployedFunction::fromUserAgent);
    }

    private static String operation(ExecutionAttributes attributes) {
        return attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    }

    private static Region region(ExecutionAttributes attributes) {
        return attributes.getAttribute(AwsExecutionAttribute.AWS_REGION);
    }
}
