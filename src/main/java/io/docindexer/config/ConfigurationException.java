package io.docindexer.config;

import java.util.List;

/** Thrown at init when the environment is unusable; lists every problem, not just the first. */
public final class ConfigurationException extends RuntimeException {

    private final List<String> problems;

    public ConfigurationException(List<String> problems) {
        super("DocIndexer is misconfigured; fix these environment variables and redeploy:\n  - "
                + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
