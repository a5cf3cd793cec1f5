package io.docindexer.deploy;

import static io.docindexer.deploy.TemplateChecks.list;
import static io.docindexer.deploy.TemplateChecks.map;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves a template's intrinsic functions for one assignment of its parameters (the overrides
 * given, the defaults for the rest), without deploying it: parameters become their values and
 * {@code Fn::If} takes the branch its condition chooses. What only a deployment knows (resources,
 * their attributes, pseudo parameters) is rendered by a {@link Symbols}: {@link #SYMBOLIC} keeps it
 * symbolic, so {@code !GetAtt Queue.Arn} is {@code ${Queue.Arn}}, {@code !Ref Bucket} is
 * {@code ${Bucket}} and a policy resource written as {@code !Sub "${DocumentsBucket.Arn}/*"} becomes
 * {@code ${DocumentsBucket.Arn}/*}; {@code sam local invoke} renders them its own way
 * ({@link SamLocalEnvironment}). An intrinsic it cannot resolve fails loudly.
 */
public final class TemplateResolver {

    /** How what only a deployed stack knows is rendered. */
    public interface Symbols {

        /** {@code !Ref} to a resource or a pseudo parameter such as {@code AWS::Region}. */
        Object ref(String name);

        /** {@code !GetAtt logicalId.attribute}, alone or ({@code insideSub}) as a variable of {@code Fn::Sub}. */
        Object getAtt(String logicalId, String attribute, boolean insideSub);
    }

    /** Everything a stack knows stays symbolic: {@code ${Name}}, {@code ${Name.Attribute}}. */
    public static final Symbols SYMBOLIC = new Symbols() {
        @Override
        public Object ref(String name) {
            return "${" + name + "}";
        }

        @Override
        public Object getAtt(String logicalId, String attribute, boolean insideSub) {
            return "${" + logicalId + "." + attribute + "}";
        }
    };

    /** {@code !Ref AWS::NoValue}: the property or list element is left out. */
    private static final Object NO_VALUE = new Object();

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private final Map<String, Object> template;
    private final Symbols symbols;
    private final Map<String, String> parameters = new HashMap<>();

    public TemplateResolver(Map<String, Object> template, Map<String, String> overrides) {
        this(template, overrides, SYMBOLIC);
    }

    public TemplateResolver(Map<String, Object> template, Map<String, String> overrides, Symbols symbols) {
        this.template = template;
        this.symbols = symbols;
        Map<String, Object> declared = map(template.get("Parameters"));
        overrides.keySet().stream()
                .filter(name -> !declared.containsKey(name))
                .findFirst()
                .ifPresent(name -> {
                    throw new IllegalArgumentException("the template has no parameter " + name);
                });
        declared.forEach((name, parameter) -> {
            Object value = overrides.containsKey(name)
                    ? overrides.get(name)
                    : map(parameter).get("Default");
            if (value != null) {
                parameters.put(name, String.valueOf(value));
            }
        });
    }

    /** The resources that exist for these parameters (those whose Condition holds), unresolved. */
    public Map<String, Map<String, Object>> resources() {
        Map<String, Map<String, Object>> existing = new LinkedHashMap<>();
        map(template.get("Resources")).forEach((name, resource) -> {
            Object condition = map(resource).get("Condition");
            if (condition == null || condition(String.valueOf(condition))) {
                existing.put(name, map(resource));
            }
        });
        return existing;
    }

    public boolean condition(String name) {
        Object definition = map(template.get("Conditions")).get(name);
        if (definition == null) {
            throw new IllegalArgumentException("the template has no condition " + name);
        }
        return holds(definition);
    }

    /**
     * The value with every intrinsic resolved: strings, lists and maps. Elements and properties
     * that resolve to {@code AWS::NoValue} are left out.
     */
    public Object resolve(Object value) {
        Object resolved = resolveOrNoValue(value);
        return resolved == NO_VALUE ? null : resolved;
    }

    /** A value that must resolve to text, such as an ARN. */
    public String text(Object value) {
        Object resolved = resolve(value);
        if (resolved instanceof String || resolved instanceof Number || resolved instanceof Boolean) {
            return String.valueOf(resolved);
        }
        throw new IllegalArgumentException("expected text, got " + resolved + " from " + value);
    }

    private Object resolveOrNoValue(Object value) {
        if (value instanceof List<?> elements) {
            List<Object> resolved = new ArrayList<>();
            for (Object element : elements) {
                Object result = resolveOrNoValue(element);
                if (result != NO_VALUE) {
                    resolved.add(result);
                }
            }
            return resolved;
        }
        if (!(value instanceof Map<?, ?>)) {
            return value;
        }
        Map<String, Object> mapping = map(value);
        if (mapping.size() == 1) {
            String key = mapping.keySet().iterator().next();
            if (key.equals("Ref") || key.startsWith("Fn::")) {
                return intrinsic(key, mapping.get(key));
            }
        }
        Map<String, Object> resolved = new LinkedHashMap<>();
        mapping.forEach((key, child) -> {
            Object result = resolveOrNoValue(child);
            if (result != NO_VALUE) {
                resolved.put(key, result);
            }
        });
        return resolved;
    }

    private Object intrinsic(String name, Object argument) {
        return switch (name) {
            case "Ref" -> ref(String.valueOf(argument));
            case "Fn::GetAtt" ->
                symbols.getAtt(text(list(argument).get(0)), text(list(argument).get(1)), false);
            case "Fn::Sub" -> sub(argument);
            case "Fn::Join" ->
                String.join(
                        text(list(argument).get(0)),
                        list(resolve(list(argument).get(1))).stream()
                                .map(String::valueOf)
                                .toList());
            case "Fn::If" -> {
                List<Object> branches = list(argument);
                yield resolveOrNoValue(condition(String.valueOf(branches.get(0))) ? branches.get(1) : branches.get(2));
            }
            default -> throw new IllegalArgumentException("cannot resolve " + name + " " + argument);
        };
    }

    private Object ref(String target) {
        if (target.equals("AWS::NoValue")) {
            return NO_VALUE;
        }
        if (map(template.get("Parameters")).containsKey(target)) {
            String value = parameters.get(target);
            if (value == null) {
                throw new IllegalArgumentException("parameter " + target + " has no default: give it a value");
            }
            return value;
        }
        if (target.startsWith("AWS::") || map(template.get("Resources")).containsKey(target)) {
            return symbols.ref(target);
        }
        throw new IllegalArgumentException("Ref to unknown " + target);
    }

    /** Parameters and local variables are substituted; resources, attributes and pseudo parameters as the symbols render them. */
    private String sub(Object argument) {
        List<Object> form = list(argument);
        String text = String.valueOf(form.get(0));
        Map<String, Object> locals = form.size() > 1 ? map(form.get(1)) : Map.of();
        Matcher variables = SUB_VARIABLE.matcher(text);
        StringBuilder substituted = new StringBuilder();
        while (variables.find()) {
            String variable = variables.group(1);
            String replacement;
            if (variable.startsWith("!")) {
                replacement = "${" + variable.substring(1) + "}";
            } else if (locals.containsKey(variable)) {
                replacement = text(locals.get(variable));
            } else if (variable.contains(".")) {
                int dot = variable.indexOf('.');
                replacement =
                        String.valueOf(symbols.getAtt(variable.substring(0, dot), variable.substring(dot + 1), true));
            } else {
                replacement = String.valueOf(ref(variable));
            }
            variables.appendReplacement(substituted, Matcher.quoteReplacement(replacement));
        }
        variables.appendTail(substituted);
        return substituted.toString();
    }

    private boolean holds(Object condition) {
        Map<String, Object> intrinsic = map(condition);
        if (intrinsic.size() != 1) {
            throw new IllegalArgumentException("not a condition: " + condition);
        }
        String name = intrinsic.keySet().iterator().next();
        List<Object> arguments = list(intrinsic.get(name));
        return switch (name) {
            case "Fn::Equals" -> Objects.equals(text(arguments.get(0)), text(arguments.get(1)));
            case "Fn::Not" -> !holds(arguments.get(0));
            case "Fn::And" -> arguments.stream().allMatch(this::holds);
            case "Fn::Or" -> arguments.stream().anyMatch(this::holds);
            case "Condition" -> condition(String.valueOf(arguments.get(0)));
            default -> throw new IllegalArgumentException("cannot evaluate the condition " + condition);
        };
    }
}
