package io.docindexer.deploy;

import static io.docindexer.deploy.TemplateChecks.map;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment {@code sam local invoke FUNCTION --env-vars FILE} gives a function's container,
 * as SAM CLI computes it (samcli/commands/local/lib/local_lambda.py {@code _make_env_vars} and
 * samcli/local/lambdafn/env_vars.py {@code EnvironmentVariables.resolve}):
 * <ol>
 *   <li>the AWS_* variables SAM always sets (credentials and region from the caller's AWS
 *       configuration, else SAM's placeholders);
 *   <li>each variable the template declares for the function, with its intrinsics resolved the way
 *       SAM's symbol table does without a deployed stack: parameters take their defaults, pseudo
 *       parameters SAM's fixed values, a {@code Ref} to a resource its logical id, a {@code GetAtt
 *       .Arn} a Lambda-style ARN, an attribute inside {@code Fn::Sub} the text {@code $Id.Attr};
 *   <li>then the shell's value of that name, then the env-vars file's: its {@code Parameters}
 *       section for every function, then the function's own section. A name the template does
 *       not declare is never passed, whatever the file says.
 * </ol>
 * Values that stay intrinsic (a list or map) become empty strings, booleans {@code true}/{@code false}.
 * The intrinsics themselves are resolved by {@link TemplateResolver}, with SAM's renderings of what
 * only a stack knows.
 */
final class SamLocalEnvironment {

    /** SAM's values for the pseudo parameters when there is no stack. */
    private static final Map<String, String> PSEUDO_PARAMETERS = Map.of(
            "AWS::AccountId", "123456789012",
            "AWS::Partition", "aws",
            "AWS::Region", "us-east-1",
            "AWS::StackName", "local",
            "AWS::URLSuffix", "localhost");
    /** What the caller's AWS configuration would give; SAM's placeholders when there is none. */
    record Credentials(String region, String accessKeyId, String secretAccessKey) {
        static final Credentials NONE = new Credentials("us-east-1", "defaultkey", "defaultsecret");
    }

    private static final int LAMBDA_DEFAULT_MEMORY = 128;
    private static final int LAMBDA_DEFAULT_TIMEOUT = 3;

    private final TemplateResolver template;

    SamLocalEnvironment(Map<String, Object> template) {
        this.template = new TemplateResolver(template, Map.of(), new SamSymbols());
    }

    /**
     * @param envVars the parsed {@code --env-vars} file
     * @param shell the environment of the shell that runs {@code sam local invoke}
     */
    Map<String, String> of(
            String logicalId,
            Map<String, Map<String, Object>> envVars,
            Map<String, String> shell,
            Credentials credentials) {
        Map<String, Object> properties =
                map(map(template.resources().get(logicalId)).get("Properties"));
        if (properties.isEmpty()) {
            throw new IllegalArgumentException("template.yaml has no function " + logicalId);
        }
        Map<String, String> environment = awsVariables(logicalId, properties, credentials);
        Map<String, Object> overrides = new LinkedHashMap<>(envVars.getOrDefault("Parameters", Map.of()));
        overrides.putAll(envVars.getOrDefault(logicalId, Map.of()));
        map(map(properties.get("Environment")).get("Variables")).forEach((name, value) -> {
            Object resolved = template.resolve(value);
            if (shell.containsKey(name)) {
                resolved = shell.get(name);
            }
            if (overrides.containsKey(name)) {
                resolved = overrides.get(name);
            }
            environment.put(name, stringify(resolved));
        });
        return environment;
    }

    private Map<String, String> awsVariables(
            String logicalId, Map<String, Object> properties, Credentials credentials) {
        Map<String, String> aws = new LinkedHashMap<>();
        aws.put("AWS_SAM_LOCAL", "true");
        aws.put(
                "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
                stringify(resolveOr(properties.get("MemorySize"), LAMBDA_DEFAULT_MEMORY)));
        aws.put("AWS_LAMBDA_FUNCTION_TIMEOUT", stringify(resolveOr(properties.get("Timeout"), LAMBDA_DEFAULT_TIMEOUT)));
        aws.put("AWS_LAMBDA_FUNCTION_HANDLER", stringify(properties.get("Handler")));
        aws.put("AWS_LAMBDA_FUNCTION_NAME", logicalId);
        aws.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        aws.put("AWS_LAMBDA_LOG_GROUP_NAME", "aws/lambda/" + logicalId);
        aws.put("AWS_LAMBDA_LOG_STREAM_NAME", "$LATEST");
        aws.put("AWS_REGION", credentials.region());
        aws.put("AWS_DEFAULT_REGION", credentials.region());
        aws.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId());
        aws.put("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
        aws.put("AWS_ACCOUNT_ID", PSEUDO_PARAMETERS.get("AWS::AccountId"));
        aws.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        Map<String, Object> logging = map(properties.get("LoggingConfig"));
        if (logging.containsKey("LogGroup")) {
            aws.put("AWS_LAMBDA_LOG_GROUP_NAME", stringify(template.resolve(logging.get("LogGroup"))));
        }
        if (logging.containsKey("LogFormat")) {
            String format = stringify(template.resolve(logging.get("LogFormat")));
            aws.put("AWS_LAMBDA_LOG_FORMAT", format);
            if (format.equals("JSON")) {
                aws.put("AWS_LAMBDA_LOG_LEVEL", stringify(resolveOr(logging.get("ApplicationLogLevel"), "INFO")));
            }
        }
        return aws;
    }

    private Object resolveOr(Object value, Object fallback) {
        return value == null ? fallback : template.resolve(value);
    }

    /**
     * samcli's IntrinsicsSymbolTable.resolve_symbols for what a stackless run cannot know: pseudo
     * parameters take SAM's fixed values, a Ref to a resource its logical id, a GetAtt of an ARN a
     * Lambda-style ARN; any other attribute stays an intrinsic (so "") or, inside Fn::Sub, the text
     * {@code $Id.Attribute}.
     */
    private static final class SamSymbols implements TemplateResolver.Symbols {
        @Override
        public Object ref(String name) {
            return PSEUDO_PARAMETERS.getOrDefault(name, name);
        }

        @Override
        public Object getAtt(String logicalId, String attribute, boolean insideSub) {
            if (attribute.equals("Arn")) {
                return "arn:aws:lambda:us-east-1:123456789012:function:" + logicalId;
            }
            return insideSub ? "$" + logicalId + "." + attribute : Map.of("Fn::GetAtt", List.of(logicalId, attribute));
        }
    }

    /** env_vars.py's _stringify_value. */
    static String stringify(Object value) {
        if (value == null || value instanceof Map<?, ?> || value instanceof List<?>) {
            return "";
        }
        if (value instanceof Boolean bool) {
            return bool ? "true" : "false";
        }
        return String.valueOf(value);
    }
}
