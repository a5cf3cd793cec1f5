package io.docindexer.iam;

import static io.docindexer.deploy.TemplateChecks.list;

import java.util.List;
import java.util.Map;

/**
 * One resolved statement of an identity policy.
 *
 * @param where the role or policy resource, the policy's name and the statement's Sid (or position)
 * @param allows true for Allow, false for Deny
 */
record PolicyStatement(String where, boolean allows, List<String> actions, List<String> resources) {

    /** Elements whose meaning depends on the request in ways a recorded call cannot tell. */
    private static final List<String> UNSUPPORTED = List.of("NotAction", "NotResource", "Condition", "Principal");

    static PolicyStatement of(String where, Map<String, Object> statement) {
        UNSUPPORTED.stream().filter(statement::containsKey).findFirst().ifPresent(element -> {
            throw new IllegalArgumentException(where + ": the IAM check cannot evaluate " + element);
        });
        Object effect = statement.get("Effect");
        if (!"Allow".equals(effect) && !"Deny".equals(effect)) {
            throw new IllegalArgumentException(where + ": Effect must be Allow or Deny, not " + effect);
        }
        return new PolicyStatement(
                where,
                "Allow".equals(effect),
                list(statement.get("Action")).stream().map(String::valueOf).toList(),
                list(statement.get("Resource")).stream().map(String::valueOf).toList());
    }

    /** The action patterns of this statement that grant (or deny) the permission; empty if it does not apply. */
    List<String> actionsCovering(Permission permission) {
        boolean onResource =
                resources.stream().anyMatch(pattern -> IamPattern.matchesResource(pattern, permission.resource()));
        return onResource
                ? actions.stream()
                        .filter(pattern -> IamPattern.matchesAction(pattern, permission.action()))
                        .toList()
                : List.of();
    }
}
