package io.docindexer.iam;

import java.util.regex.Pattern;

/**
 * IAM's wildcards in a policy's actions and resources: {@code *} matches any run of characters
 * (slashes included), {@code ?} any one character. Actions compare ignoring case, resources do not.
 */
final class IamPattern {

    private IamPattern() {}

    static boolean matchesAction(String pattern, String action) {
        return compile(pattern, Pattern.CASE_INSENSITIVE).matcher(action).matches();
    }

    static boolean matchesResource(String pattern, String resource) {
        return compile(pattern, 0).matcher(resource).matches();
    }

    private static Pattern compile(String pattern, int flags) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*' || c == '?') {
                regex.append(Pattern.quote(literal.toString())).append(c == '*' ? ".*" : ".");
                literal.setLength(0);
            } else {
                literal.append(c);
            }
        }
        regex.append(Pattern.quote(literal.toString()));
        return Pattern.compile(regex.toString(), flags | Pattern.DOTALL);
    }
}
