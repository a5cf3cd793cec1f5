package io.docindexer.iam;

import io.docindexer.ingest.AwsClients;
import io.docindexer.ingest.IngestHandler;
import io.docindexer.redrive.RedriveComponents;
import io.docindexer.redrive.RedriveHandler;
import java.util.Arrays;
import java.util.Optional;

/**
 * The functions whose calls the IAM check records. Each is told apart by the SDK app id its
 * clients send in the User-Agent, and found in the template by its handler class.
 */
enum DeployedFunction {
    INGEST(AwsClients.APP_ID, IngestHandler.class.getName()),
    REDRIVE(RedriveComponents.APP_ID, RedriveHandler.class.getName());

    private final String appId;
    private final String handlerClass;

    DeployedFunction(String appId, String handlerClass) {
        this.appId = appId;
        this.handlerClass = handlerClass;
    }

    String handlerClass() {
        return handlerClass;
    }

    /** The function whose app id the User-Agent names ({@code app/<id>}); empty for the harness's own clients. */
    static Optional<DeployedFunction> fromUserAgent(String userAgent) {
        return Arrays.stream(userAgent.split(" "))
                .flatMap(token -> Arrays.stream(values()).filter(function -> token.equals("app/" + function.appId)))
                .findFirst();
    }
}
