package io.docindexer.index;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * S3's per-key event order. Sequencers are hex strings of varying length; AWS documents comparing
 * them by padding the shorter one with zeros on the right and then comparing lexicographically.
 * Padding every sequencer to one fixed width once, here, lets the index compare stored and incoming
 * values as plain strings inside the update script.
 */
public final class Sequencer {

    static final int WIDTH = 32;

    private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]*");
    private static final String ZEROS = "0".repeat(WIDTH);

    private Sequencer() {}

    /**
     * The fixed-width, upper-case form. A missing sequencer (event forms that carry none) is the
     * oldest possible one: it creates a document but never overrides an ordered event.
     *
     * @throws IllegalArgumentException when the value is not hex or longer than {@value #WIDTH} digits
     */
    public static String normalise(String sequencer) {
        if (sequencer == null || sequencer.isEmpty()) {
            return ZEROS;
        }
        if (!HEX.matcher(sequencer).matches() || sequencer.length() > WIDTH) {
            throw new IllegalArgumentException(
                    "S3 sequencer '" + sequencer + "' is not a hex string of at most " + WIDTH + " digits");
        }
        return sequencer.toUpperCase(Locale.ROOT) + ZEROS.substring(sequencer.length());
    }
}
