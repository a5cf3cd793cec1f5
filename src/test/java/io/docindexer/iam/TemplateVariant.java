package io.docindexer.iam;

import java.util.Map;

/**
 * One way to deploy the template: the parameters that differ from their defaults, and the ARN of
 * what then serves the index on AWS, which the local OpenSearch stands for.
 *
 * @param openSearchArn {@link LocalResources#CREATED_DOMAIN} when the stack creates the domain;
 *     otherwise the ARN the parameters name
 */
record TemplateVariant(String name, Map<String, String> parameters, String openSearchArn) {

    /** The default parameters: the stack creates an OpenSearch Service domain of its own. */
    static TemplateVariant defaults() {
        return new TemplateVariant("default parameters", Map.of(), LocalResources.CREATED_DOMAIN);
    }
}
