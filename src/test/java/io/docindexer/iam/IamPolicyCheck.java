package io.docindexer.iam;

import static io.docindexer.deploy.TemplateChecks.map;

import io.docindexer.config.IngestConfig;
import io.docindexer.deploy.TemplateResolver;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks recorded calls against what a template grants the function that made them, for one
 * variant of its parameters: every permission a call needs must be allowed by a statement of the
 * function's role and denied by none. Only the role's own policies count; resource policies
 * (bucket, queue, domain access policy) are not consulted, so a call passes only if the role
 * alone suffices.
 *
 * <p>It also tells which statements no call used. That is no failure: Lambda itself writes the
 * logs and traces, and the event source mapping receives the messages, with the function's role.
 */
final class IamPolicyCheck {

    /** A permission a call needs that the function's role does not give it. */
    record Denied(String function, String action, String resource, String operation, String variant) {
        @Override
        public String toString() {
            return function + " needs " + action + " on " + resource + " (for " + operation + "), which no statement"
                    + " of its role allows [" + variant + "]";
        }
    }

    /** A call the check cannot judge; it fails the check like a denied one. */
    record Unjudged(String function, String operation, String why) {
        @Override
        public String toString() {
            return function + " made " + operation + ", which the IAM check cannot judge: " + why;
        }
    }

    /**
     * Actions of a statement that no recorded call used.
     *
     * @param wholeStatement true when no call used the statement at all
     */
    record Unused(String statement, List<String> actions, boolean wholeStatement) {
        @Override
        public String toString() {
            return statement + ": " + (wholeStatement ? "no call used it (" : "no call used ")
                    + String.join(", ", actions) + (wholeStatement ? ")" : "");
        }
    }

    record Findings(List<Denied> denied, List<Unjudged> unjudged, List<Unused> unused) {
        /** What fails the check, one line each. */
        List<String> failures() {
            List<String> failures = new ArrayList<>();
            denied.forEach(denied -> failures.add(denied.toString()));
            unjudged.forEach(unjudged -> failures.add(unjudged.toString()));
            return failures;
        }
    }

    private final TemplateResolver template;
    private final TemplateVariant variant;

    IamPolicyCheck(Map<String, Object> template, TemplateVariant variant) {
        this.template = new TemplateResolver(template, variant.parameters());
        this.variant = variant;
    }

    /** Every function's calls against its role; the statements of functions without calls are not reported. */
    Findings check(Collection<RecordedCall> calls) {
        List<Denied> denied = new ArrayList<>();
        List<Unjudged> unjudged = new ArrayList<>();
        List<Unused> unused = new ArrayList<>();
        for (DeployedFunction function : DeployedFunction.values()) {
            Set<RecordedCall> made = new LinkedHashSet<>(
                    calls.stream().filter(call -> call.function() == function).toList());
            if (made.isEmpty()) {
                continue;
            }
            String functionName = FunctionPolicies.functionWithHandler(template, function.handlerClass());
            List<PolicyStatement> statements =
                    FunctionPolicies.statements(template, FunctionPolicies.roleOf(template, functionName));
            Map<PolicyStatement, Set<String>> used = new LinkedHashMap<>();
            statements.forEach(statement -> used.put(statement, new HashSet<>()));
            for (RecordedCall call : made) {
                if (call instanceof RecordedCall.UnknownAws unknown) {
                    unjudged.add(new Unjudged(functionName, unknown.operation(), unknown.why()));
                    continue;
                }
                for (Permission permission : needs(call, functionName)) {
                    if (!allowed(permission, statements, used)) {
                        denied.add(new Denied(
                                functionName,
                                permission.action(),
                                permission.resource(),
                                call.operation(),
                                variant.name()));
                    }
                }
            }
            used.forEach((statement, actions) -> {
                if (statement.allows() && !actions.containsAll(statement.actions())) {
                    List<String> idle = statement.actions().stream()
                            .filter(action -> !actions.contains(action))
                            .toList();
                    unused.add(new Unused(statement.where(), idle, actions.isEmpty()));
                }
            });
        }
        return new Findings(
                List.copyOf(new LinkedHashSet<>(denied)), List.copyOf(new LinkedHashSet<>(unjudged)), unused);
    }

    /** Allowed by some Allow statement and denied by no Deny statement; records which Allow actions were used. */
    private static boolean allowed(
            Permission permission, List<PolicyStatement> statements, Map<PolicyStatement, Set<String>> used) {
        boolean allowed = false;
        for (PolicyStatement statement : statements) {
            List<String> covering = statement.actionsCovering(permission);
            if (covering.isEmpty()) {
                continue;
            }
            if (!statement.allows()) {
                return false;
            }
            allowed = true;
            used.get(statement).addAll(covering);
        }
        return allowed;
    }

    /** The permissions a call needs, on the template's resources. */
    private List<Permission> needs(RecordedCall call, String functionName) {
        if (call instanceof RecordedCall.Aws aws) {
            return aws.needs().stream()
                    .map(permission ->
                            new Permission(permission.action(), LocalResources.templateArn(permission.resource())))
                    .toList();
        }
        RecordedCall.OpenSearch request = (RecordedCall.OpenSearch) call;
        String service = openSearchService(functionName);
        return switch (service) {
            case "es" ->
                List.of(new Permission(
                        "es:ESHttp" + capitalised(request.method()), variant.openSearchArn() + request.path()));
            // Serverless authorises data access per collection, whatever the request.
            case "aoss" -> List.of(new Permission("aoss:APIAccessAll", variant.openSearchArn()));
            default -> throw new IllegalArgumentException(functionName + ": unknown OpenSearch service " + service);
        };
    }

    /** The SigV4 service the function signs its OpenSearch requests for, as its environment sets it. */
    private String openSearchService(String functionName) {
        Map<String, Object> function = template.resources().get(functionName);
        Object service = map(map(map(function.get("Properties")).get("Environment"))
                        .get("Variables"))
                .get(IngestConfig.OPENSEARCH_SERVICE);
        return service == null ? "es" : template.text(service);
    }

    private static String capitalised(String method) {
        String lower = method.toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
