package io.docindexer.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The SAM JSON schema (draft-04, as published by aws/serverless-application-model). It checks
 * the SAM resource types and their properties; plain CloudFormation resources only need a
 * {@code Type} that is not {@code AWS::Serverless::*}.
 */
final class SamSchema {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Evaluation path of an anyOf branch that failed on the {@code Type} of the instance. */
    private static final Pattern OTHER_TYPE_BRANCH =
            Pattern.compile("^(.*\\.anyOf\\[\\d+])\\.\\$ref\\.properties\\.Type\\.(enum|pattern)$");

    private final JsonSchema schema;

    private SamSchema(JsonSchema schema) {
        this.schema = schema;
    }

    static SamSchema load(Path file) throws IOException {
        JsonNode schemaNode = MAPPER.readTree(file.toFile());
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
        return new SamSchema(factory.getSchema(schemaNode));
    }

    /**
     * Every violation as "instance path: message", without the noise of anyOf: the schema lists
     * each resource (and event) as "any of" the SAM types, so a bad function property is also
     * reported against the LayerVersion, Api, ... branches. Branches rejected only because they
     * are for another {@code Type} are dropped; when every branch is, the Type itself is unknown.
     */
    List<String> violations(Map<String, Object> template) {
        List<ValidationMessage> messages = List.copyOf(schema.validate(MAPPER.valueToTree(template)));
        Map<String, List<ValidationMessage>> otherTypeBranches = new LinkedHashMap<>();
        for (ValidationMessage message : messages) {
            Matcher branch =
                    OTHER_TYPE_BRANCH.matcher(message.getEvaluationPath().toString());
            if (branch.matches()) {
                otherTypeBranches
                        .computeIfAbsent(branch.group(1), b -> new ArrayList<>())
                        .add(message);
            }
        }
        List<ValidationMessage> kept = messages.stream()
                .filter(message -> otherTypeBranches.keySet().stream()
                        .noneMatch(
                                branch -> message.getEvaluationPath().toString().startsWith(branch + ".")))
                .collect(Collectors.toCollection(ArrayList::new));
        // An anyOf none of whose branches failed for another reason: no branch matched the Type.
        // Innermost first, so that an unknown event Type also counts as the failure of the
        // function branch around it; anyOfs inside a branch for another type do not count.
        Map<String, List<ValidationMessage>> typeMessagesByAnyOf = new TreeMap<>(
                Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        otherTypeBranches.forEach((branch, typeMessages) -> typeMessagesByAnyOf
                .computeIfAbsent(branch.substring(0, branch.lastIndexOf('[')), a -> new ArrayList<>())
                .addAll(typeMessages));
        List<String> failedPaths = kept.stream()
                .map(message -> message.getEvaluationPath().toString())
                .collect(Collectors.toCollection(ArrayList::new));
        List<String> violations = new ArrayList<>();
        typeMessagesByAnyOf.forEach((anyOf, typeMessages) -> {
            boolean insideOtherType =
                    otherTypeBranches.keySet().stream().anyMatch(branch -> anyOf.startsWith(branch + "."));
            boolean matchedBranchFailed = failedPaths.stream().anyMatch(path -> path.startsWith(anyOf + "["));
            if (!insideOtherType && !matchedBranchFailed) {
                failedPaths.add(anyOf + "[]");
                violations.add(typeMessages.get(0).getInstanceLocation() + ": matches none of the types allowed here ("
                        + typeMessages.size() + " tried)");
            }
        });
        kept.forEach(message -> violations.add(message.getMessage()));
        return violations.stream().distinct().sorted().toList();
    }
}
