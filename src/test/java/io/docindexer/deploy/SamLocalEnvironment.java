package io.docindexer.deploy;

import static io.docindexer.deploy.TemplateChecks.list;
import static io.docindexer.deploy.TemplateChecks.map;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * Only the intrinsics template.yaml uses in environments are covered; another one fails loudly.
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

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");
    private static final int LAMBDA_DEFAULT_MEMORY = 128;
    private static final int LAMBDA_DEFAULT_TIMEOUT = 3;

    private final Map<String, Object> template;

    SamLocalEnvironment(Map<String, Object> template) {
        this.template = template;
    }

    /**
     * @param envVars the parsed {@code --env-vars} file
     * @param shell the environment of the shell that runs {@code sam local invoke}
     */
    Map<String, String> of(String logicalId, Map<String, Map<String, Object>> envVars, Map<String, String> shell,
            Credentials credentials) {
        Map<String, Object> properties = map(map(map(template.get("Resources")).get(logicalId)).get("Properties"));
        if (properties.isEmpty()) {
            throw new IllegalArgumentException("template.yaml has no function " + logicalId);
        }
        Map<String, String> environment = awsVariables(logicalId, properties, credentials);
        Map<String, Object> overrides = new LinkedHashMap<>(envVars.getOrDefault("Parameters", Map.of()));
        overrides.putAll(envVars.getOrDefault(logicalId, Map.of()));
        map(map(properties.get("Environment")).get("Variables")).forEach((name, value) -> {
            Object resolved = resolve(value);
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

    private Map<String, String> awsVariables(String logicalId, Map<String, Object> properties, Credentials credentials) {
        Map<String, String> aws = new LinkedHashMap<>();
        aws.put("AWS_SAM_LOCAL", "true");
        aws.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", stringify(resolveOr(properties.get("MemorySize"), LAMBDA_DEFAULT_MEMORY)));
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
            aws.put("AWS_LAMBDA_LOG_GROUP_NAME", stringify(resolve(logging.get("LogGroup"))));
        }
        if (logging.containsKey("LogFormat")) {
            String format = stringify(resolve(logging.get("LogFormat")));
            aws.put("AWS_LAMBDA_LOG_FORMAT", format);
            if (format.equals("JSON")) {
                aws.put("AWS_LAMBDA_LOG_LEVEL", stringify(resolveOr(logging.get("ApplicationLogLevel"), "INFO")));
            }
        }
        return aws;
    }

    private Object resolveOr(Object value, Object fallback) {
        return value == null ? fallback : resolve(value);
    }

    /** A literal as it is; an intrinsic resolved as SAM resolves it without a stack. */
    Object resolve(Object value) {
        if (!(value instanceof Map<?, ?> intrinsic) || intrinsic.size() != 1) {
            return value;
        }
        Map<String, Object> node = map(value);
        if (node.containsKey("Ref")) {
            return symbol(String.valueOf(node.get("Ref")), "Ref", false);
        }
        if (node.containsKey("Fn::GetAtt")) {
            List<Object> target = list(node.get("Fn::GetAtt"));
            return symbol(String.valueOf(target.get(0)), String.valueOf(target.get(1)), false);
        }
        if (node.containsKey("Fn::Sub")) {
            return substitute(node.get("Fn::Sub"));
        }
        if (node.containsKey("Fn::If")) {
            List<Object> arguments = list(node.get("Fn::If"));
            return resolve(condition(String.valueOf(arguments.get(0))) ? arguments.get(1) : arguments.get(2));
        }
        throw new UnsupportedOperationException("SamLocalEnvironment does not resolve " + node.keySet()
                + "; add it the way samcli/lib/intrinsic_resolver resolves it");
    }

    /** samcli's IntrinsicsSymbolTable.resolve_symbols, for the kinds of symbol a stackless run can know. */
    private Object symbol(String logicalId, String attribute, boolean insideSub) {
        if (PSEUDO_PARAMETERS.containsKey(logicalId)) {
            return PSEUDO_PARAMETERS.get(logicalId);
        }
        Object parameterDefault = map(map(template.get("Parameters")).get(logicalId)).get("Default");
        if (parameterDefault != null) {
            return parameterDefault;
        }
        if (attribute.equals("Ref")) {
            return logicalId;
        }
        if (attribute.equals("Arn")) {
            return "arn:aws:lambda:us-east-1:123456789012:function:" + logicalId;
        }
        // Outside Fn::Sub SAM cannot resolve it and leaves the intrinsic, which becomes "".
        return insideSub ? "$" + logicalId + "." + attribute : Map.of("Fn::GetAtt", List.of(logicalId, attribute));
    }

    private Object substitute(Object sub) {
        String text = sub instanceof List<?> form ? String.valueOf(form.get(0)) : String.valueOf(sub);
        Map<String, Object> variables = sub instanceof List<?> form ? map(form.get(1)) : Map.of();
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            Object value;
            if (variables.containsKey(name)) {
                value = resolve(variables.get(name));
            } else {
                int dot = name.indexOf('.');
                value = dot < 0 ? symbol(name, "Ref", true) : symbol(name.substring(0, dot), name.substring(dot + 1), true);
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(stringify(value)));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private boolean condition(String name) {
        Object definition = map(template.get("Conditions")).get(name);
        if (definition == null) {
            throw new IllegalArgumentException("template.yaml has no condition " + name);
        }
        return truth(definition);
    }

    private boolean truth(Object expression) {
        Map<String, Object> node = map(expression);
        if (node.containsKey("Condition")) {
            return condition(String.valueOf(node.get("Condition")));
        }
        if (node.containsKey("Fn::Equals")) {
            List<Object> sides = list(node.get("Fn::Equals"));
            return Objects.equals(stringify(resolve(sides.get(0))), stringify(resolve(sides.get(1))));
        }
        if (node.containsKey("Fn::Not")) {
            return !truth(list(node.get("Fn::Not")).get(0));
        }
        if (node.containsKey("Fn::And")) {
            return list(node.get("Fn::And")).stream().allMatch(this::truth);
        }
        if (node.containsKey("Fn::Or")) {
            return list(node.get("Fn::Or")).stream().anyMatch(this::truth);
        }
        throw new UnsupportedOperationException("SamLocalEnvironment does not evaluate the condition " + node.keySet());
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
