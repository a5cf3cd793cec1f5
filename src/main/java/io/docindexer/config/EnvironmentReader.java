package io.docindexer.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads environment variables and collects every problem instead of stopping at the first, so a
 * misconfigured function reports all of them at init in one {@link ConfigurationException}.
 */
final class EnvironmentReader {

    private final Map<String, String> env;
    private final List<String> problems = new ArrayList<>();

    EnvironmentReader(Map<String, String> env) {
        this.env = env;
    }

    Optional<String> value(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    String required(String name) {
        Optional<String> value = value(name);
        if (value.isEmpty()) {
            problems.add(name + " is not set; it is required");
        }
        return value.orElse(null);
    }

    URI requiredUri(String name) {
        String value = required(name);
        return value == null ? null : uri(name, value);
    }

    Optional<URI> optionalUri(String name) {
        return value(name).map(value -> uri(name, value));
    }

    private URI uri(String name, String value) {
        try {
            URI uri = URI.create(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException malformed) {
            // reported below with the expected form
        }
        problems.add(name + " is '" + value + "'; expected an http:// or https:// URL with a host");
        return null;
    }

    /** The value, which must be set and match {@code pattern}. */
    String requiredMatching(String name, String pattern, String expected) {
        String value = required(name);
        if (value != null && !value.matches(pattern)) {
            problems.add(name + " is '" + value + "'; expected " + expected);
            return null;
        }
        return value;
    }

    /** The value if it is set, after checking it against {@code pattern}. */
    Optional<String> matching(String name, String pattern, String expected) {
        Optional<String> value = value(name);
        if (value.isPresent() && !value.get().matches(pattern)) {
            problems.add(name + " is '" + value.get() + "'; expected " + expected);
        }
        return value;
    }

    String oneOf(String name, Set<String> allowed, String fallback) {
        String value = value(name).orElse(fallback);
        if (!allowed.contains(value)) {
            problems.add(name + " is '" + value + "'; expected one of "
                    + allowed.stream().sorted().toList());
        }
        return value;
    }

    long positive(String name, long fallback, long max) {
        return whole(name, fallback, 1, max);
    }

    long whole(String name, long fallback, long min, long max) {
        Optional<String> value = value(name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.get().replace("_", ""));
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        problems.add(name + " is '" + value.get() + "'; expected a whole number from " + min + " to " + max);
        return fallback;
    }

    /** For checks across variables: a URL and an ARN that must name the same queue, say. */
    void problem(String problem) {
        problems.add(problem);
    }

    void throwIfProblems() {
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
    }
}
