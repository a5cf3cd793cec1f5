package io.docindexer.iam;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import io.docindexer.local.LocalContext;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Lambda context whose invocation has plenty of time for the first few questions about it and
 * none after: an invocation that ends at a chosen point of the work, with no clock involved. The
 * ingest handler asks once before it starts a record and once before each page.
 */
final class RunningOutOfTime implements Context {

    private static final int PLENTY_MILLIS = 60_000;

    private final Context local = new LocalContext(PLENTY_MILLIS);
    private final AtomicInteger answersWithTime;

    RunningOutOfTime(int answersWithTime) {
        this.answersWithTime = new AtomicInteger(answersWithTime);
    }

    @Override
    public int getRemainingTimeInMillis() {
        return answersWithTime.getAndDecrement() > 0 ? PLENTY_MILLIS : 0;
    }

    @Override
    public String getAwsRequestId() {
        return local.getAwsRequestId();
    }

    @Override
    public String getLogGroupName() {
        return local.getLogGroupName();
    }

    @Override
    public String getLogStreamName() {
        return local.getLogStreamName();
    }

    @Override
    public String getFunctionName() {
        return local.getFunctionName();
    }

    @Override
    public String getFunctionVersion() {
        return local.getFunctionVersion();
    }

    @Override
    public String getInvokedFunctionArn() {
        return local.getInvokedFunctionArn();
    }

    @Override
    public CognitoIdentity getIdentity() {
        return local.getIdentity();
    }

    @Override
    public ClientContext getClientContext() {
        return local.getClientContext();
    }

    @Override
    public int getMemoryLimitInMB() {
        return local.getMemoryLimitInMB();
    }

    @Override
    public LambdaLogger getLogger() {
        return local.getLogger();
    }
}
