package io.docindexer.local.searchpage;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The parameters of a query string, each name with all its values in order ({@code ext=pdf&ext=txt}). */
record QueryParameters(Map<String, List<String>> values) {

    static QueryParameters parse(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return new QueryParameters(Map.of());
        }
        Map<String, List<String>> values = Arrays.stream(rawQuery.split("&"))
                .filter(pair -> !pair.isEmpty())
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.groupingBy(
                        pair -> decode(pair[0]),
                        LinkedHashMap::new,
                        Collectors.mapping(pair -> pair.length == 2 ? decode(pair[1]) : "", Collectors.toList())));
        return new QueryParameters(values);
    }

    /** Every non-blank value of {@code name}. */
    List<String> all(String name) {
        return values.getOrDefault(name, List.of()).stream()
                .filter(value -> !value.isBlank())
                .toList();
    }

    /** The first non-blank value of {@code name}, or null. */
    String first(String name) {
        List<String> all = all(name);
        return all.isEmpty() ? null : all.get(0);
    }

    private static String decode(String encoded) {
        // The form encoding browsers use in query strings: + is a space.
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }
}
