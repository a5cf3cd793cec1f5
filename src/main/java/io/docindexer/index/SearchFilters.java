package io.docindexer.index;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a search may return, besides matching the words: every filter set must hold.
 *
 * @param extensions file extensions without the dot, such as {@code pdf}; empty for any
 * @param statuses {@code indexed} and/or {@code metadata-only}; empty for any
 * @param modifiedFrom first day of the object's last modification, inclusive; null for no bound
 * @param modifiedTo last day of the object's last modification, inclusive; null for no bound
 * @param keyPrefix the start of the object key, such as {@code reports/}; null for any
 */
public record SearchFilters(
        List<String> extensions,
        List<String> statuses,
        LocalDate modifiedFrom,
        LocalDate modifiedTo,
        String keyPrefix) {

    public static final SearchFilters NONE = new SearchFilters(List.of(), List.of(), null, null, null);
    /** The statuses a document can have; a misspelt one would silently match nothing. */
    public static final Set<String> STATUSES = Set.of("indexed", "metadata-only");

    public SearchFilters {
        // Stored extensions are lower case (IndexedDocuments), so "PDF" finds what "pdf" does.
        extensions = extensions.stream()
                .map(extension -> extension.toLowerCase(Locale.ROOT))
                .toList();
        statuses = List.copyOf(statuses);
        List<String> problems = new ArrayList<>();
        statuses.stream()
                .filter(status -> !STATUSES.contains(status))
                .forEach(status -> problems.add("unknown status '" + status + "' (expected one of " + STATUSES + ")"));
        if (modifiedFrom != null && modifiedTo != null && modifiedFrom.isAfter(modifiedTo)) {
            problems.add("modifiedFrom " + modifiedFrom + " is after modifiedTo " + modifiedTo);
        }
        if (keyPrefix != null && keyPrefix.isEmpty()) {
            keyPrefix = null;
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    public SearchFilters withExtensions(String... wanted) {
        return new SearchFilters(List.of(wanted), statuses, modifiedFrom, modifiedTo, keyPrefix);
    }

    public SearchFilters withStatuses(String... wanted) {
        return new SearchFilters(extensions, List.of(wanted), modifiedFrom, modifiedTo, keyPrefix);
    }

    public SearchFilters modifiedBetween(LocalDate from, LocalDate to) {
        return new SearchFilters(extensions, statuses, from, to, keyPrefix);
    }

    public SearchFilters withKeyPrefix(String prefix) {
        return new SearchFilters(extensions, statuses, modifiedFrom, modifiedTo, prefix);
    }

    /** The search template's filter params: only those set, so the template leaves the others out. */
    Map<String, Object> templateParams() {
        Map<String, Object> params = new LinkedHashMap<>();
        if (!extensions.isEmpty()) {
            params.put("extensions", extensions);
        }
        if (!statuses.isEmpty()) {
            params.put("statuses", statuses);
        }
        if (modifiedFrom != null) {
            params.put("modifiedFrom", modifiedFrom.toString());
        }
        if (modifiedTo != null) {
            params.put("modifiedTo", modifiedTo.toString());
        }
        if (keyPrefix != null) {
            params.put("keyPrefix", keyPrefix);
        }
        return params;
    }
}
