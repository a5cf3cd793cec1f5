package io.docindexer.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a CloudFormation/SAM YAML template into plain maps and lists, the way CloudFormation
 * does: short-form intrinsics ({@code !Ref X}, {@code !GetAtt A.B}, ...) become their long JSON
 * form ({@code {"Ref": "X"}}, {@code {"Fn::GetAtt": ["A", "B"]}}), so that the result can be
 * validated against the SAM JSON schema and inspected without caring which form was written.
 */
public final class CloudFormationYaml {

    /** Short tag -> long-form key. */
    private static final Map<String, String> INTRINSICS = Map.ofEntries(
            Map.entry("!Ref", "Ref"),
            Map.entry("!Condition", "Condition"),
            Map.entry("!GetAtt", "Fn::GetAtt"),
            Map.entry("!Sub", "Fn::Sub"),
            Map.entry("!Join", "Fn::Join"),
            Map.entry("!If", "Fn::If"),
            Map.entry("!Equals", "Fn::Equals"),
            Map.entry("!Not", "Fn::Not"),
            Map.entry("!And", "Fn::And"),
            Map.entry("!Or", "Fn::Or"),
            Map.entry("!Select", "Fn::Select"),
            Map.entry("!Split", "Fn::Split"),
            Map.entry("!FindInMap", "Fn::FindInMap"),
            Map.entry("!GetAZs", "Fn::GetAZs"),
            Map.entry("!ImportValue", "Fn::ImportValue"),
            Map.entry("!Base64", "Fn::Base64"),
            Map.entry("!Cidr", "Fn::Cidr"));

    private CloudFormationYaml() {}

    public static Map<String, Object> load(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(String yaml) {
        Object document = new Yaml(new IntrinsicConstructor()).load(yaml);
        if (!(document instanceof Map)) {
            throw new IllegalArgumentException("A template is a YAML mapping, got " + document);
        }
        return (Map<String, Object>) document;
    }

    private static final class IntrinsicConstructor extends SafeConstructor {

        IntrinsicConstructor() {
            super(new LoaderOptions());
            INTRINSICS.forEach((tag, name) -> yamlConstructors.put(new Tag(tag), new Intrinsic(name)));
            // CloudFormation reads an unquoted 2010-09-09 as a string, not as a date.
            yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String name;

            Intrinsic(String name) {
                this.name = name;
            }

            @Override
            public Object construct(Node node) {
                Object argument;
                if (node instanceof ScalarNode scalar) {
                    argument = constructScalar(scalar);
                } else if (node instanceof SequenceNode sequence) {
                    argument = constructSequence(sequence);
                } else {
                    argument = constructMapping((MappingNode) node);
                }
                // The string form "Resource.Attribute" is the list form [Resource, Attribute];
                // the attribute itself may contain dots (Outputs.Name), so split once.
                if (name.equals("Fn::GetAtt") && argument instanceof String dotted) {
                    argument = new ArrayList<>(List.of(dotted.split("\\.", 2)));
                }
                Map<String, Object> longForm = new LinkedHashMap<>();
                longForm.put(name, argument);
                return longForm;
            }
        }
    }
}
