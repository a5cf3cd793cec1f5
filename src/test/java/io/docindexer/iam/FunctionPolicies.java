package io.docindexer.iam;

import static io.docindexer.deploy.TemplateChecks.list;
import static io.docindexer.deploy.TemplateChecks.map;

import io.docindexer.deploy.TemplateResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a function's role allows, read from the template: the role's inline policies and every
 * {@code AWS::IAM::Policy} or {@code AWS::IAM::ManagedPolicy} of the template attached to it. What
 * the template cannot show (AWS managed policies, a permissions boundary) fails loudly rather than
 * being assumed.
 */
final class FunctionPolicies {

    private static final Pattern ROLE_ARN = Pattern.compile("\\$\\{([A-Za-z0-9]+)\\.Arn}");
    private static final List<String> FUNCTION_TYPES = List.of("AWS::Serverless::Function", "AWS::Lambda::Function");

    private FunctionPolicies() {}

    /** The logical name of the function whose Handler is a method of {@code handlerClass}. */
    static String functionWithHandler(TemplateResolver template, String handlerClass) {
        List<String> names = template.resources().entrySet().stream()
                .filter(entry -> FUNCTION_TYPES.contains(entry.getValue().get("Type")))
                .filter(entry -> String.valueOf(
                                map(entry.getValue().get("Properties")).get("Handler"))
                        .startsWith(handlerClass + "::"))
                .map(Map.Entry::getKey)
                .toList();
        if (names.size() != 1) {
            throw new IllegalArgumentException(
                    "expected one function with a handler in " + handlerClass + ", found " + names);
        }
        return names.get(0);
    }

    /** The name of the role the function runs with: its Role must be {@code !GetAtt <role>.Arn}. */
    static String roleOf(TemplateResolver template, String functionName) {
        Object role =
                map(template.resources().get(functionName).get("Properties")).get("Role");
        Matcher reference = ROLE_ARN.matcher(role == null ? "" : template.text(role));
        if (!reference.matches()) {
            throw new IllegalArgumentException(functionName + ": Role must be !GetAtt <role>.Arn of this template,"
                    + " so that its policies can be read; got " + role);
        }
        return reference.group(1);
    }

    static List<PolicyStatement> statements(TemplateResolver template, String roleName) {
        Map<String, Map<String, Object>> resources = template.resources();
        Map<String, Object> role = map(resources.get(roleName).get("Properties"));
        for (String unreadable : List.of("ManagedPolicyArns", "PermissionsBoundary")) {
            if (!list(template.resolve(role.get(unreadable))).isEmpty()) {
                throw new IllegalArgumentException(roleName + ": " + unreadable + " cannot be read from the template");
            }
        }
        List<PolicyStatement> statements = new ArrayList<>();
        for (Object policy : list(template.resolve(role.get("Policies")))) {
            add(
                    statements,
                    roleName + " policy " + map(policy).get("PolicyName"),
                    map(policy).get("PolicyDocument"));
        }
        resources.forEach((name, resource) -> {
            if (!List.of("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy").contains(resource.get("Type"))) {
                return;
            }
            Map<String, Object> properties = map(resource.get("Properties"));
            if (list(template.resolve(properties.get("Roles"))).contains("${" + roleName + "}")) {
                add(statements, name, template.resolve(properties.get("PolicyDocument")));
            }
        });
        return statements;
    }

    private static void add(List<PolicyStatement> statements, String policy, Object document) {
        List<Object> documentStatements = list(map(document).get("Statement"));
        for (int i = 0; i < documentStatements.size(); i++) {
            Map<String, Object> statement = map(documentStatements.get(i));
            Object sid = statement.getOrDefault("Sid", "#" + (i + 1));
            statements.add(PolicyStatement.of(policy + ", statement " + sid, statement));
        }
    }
}
