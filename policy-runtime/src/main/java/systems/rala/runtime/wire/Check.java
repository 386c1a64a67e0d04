package systems.rala.runtime.wire;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Pattern;

/** The field rules shared by the payload records; each failure names the field and quotes the value. */
final class Check {

    /** Longest identifier-like text: point names, units, versions, codes. */
    static final int MAX_NAME = 128;
    /** Longest free text: reasons, event texts, locations. */
    static final int MAX_TEXT = 2048;

    /** Earliest and latest instants the four-digit-year wire format can carry. */
    static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");

    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final Pattern CONTENT_HASH = Pattern.compile("[0-9a-f]{64}");

    private Check() {}

    static FieldException fail(String field, String problem) {
        return new FieldException(field, problem);
    }

    /** A message or command id: 16 to 64 characters of {@code A-Z a-z 0-9 _ -} (a UUID or a ULID fits). */
    static String messageId(String field, String value) {
        required(field, value);
        if (!MESSAGE_ID.matcher(value).matches()) {
            throw fail(
                    field,
                    quote(value) + " is not a message id: use 16 to 64 characters of A-Z a-z 0-9 _ - "
                            + "(a UUID or ULID), unique across the sender's restarts");
        }
        return value;
    }

    /** Identifier-like text: not blank, no control characters, at most {@link #MAX_NAME} characters. */
    static String name(String field, String value) {
        required(field, value);
        if (value.isBlank()) {
            throw fail(field, "is empty");
        }
        if (value.length() > MAX_NAME) {
            throw fail(field, quote(value) + " is longer than " + MAX_NAME + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw fail(field, quote(value) + " contains a control character");
            }
        }
        wellFormed(field, value);
        return value;
    }

    /** {@link #name}, or {@code null}. */
    static String optionalName(String field, String value) {
        return value == null ? null : name(field, value);
    }

    /** Free text: not blank, at most {@link #MAX_TEXT} characters; line breaks and tabs allowed. */
    static String text(String field, String value) {
        required(field, value);
        if (value.isBlank()) {
            throw fail(field, "is empty");
        }
        if (value.length() > MAX_TEXT) {
            throw fail(field, quote(value) + " is longer than " + MAX_TEXT + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                throw fail(field, quote(value) + " contains a control character other than a line break or tab");
            }
        }
        wellFormed(field, value);
        return value;
    }

    /** No unpaired surrogate: the text has a UTF-8 encoding. */
    private static void wellFormed(String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw fail(
                        field,
                        quote(value) + " contains an unpaired surrogate (U+"
                                + Integer.toHexString(c).toUpperCase(Locale.ROOT)
                                + "), which UTF-8 cannot carry");
            }
        }
    }

    /** Text on one line: {@link #text} without control characters. */
    static String line(String field, String value) {
        text(field, value);
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw fail(field, quote(value) + " contains a control character");
            }
        }
        return value;
    }

    /** {@link #text}, or {@code null}. */
    static String optionalText(String field, String value) {
        return value == null ? null : text(field, value);
    }

    /** An instant the wire can carry, truncated to the millisecond the wire carries. */
    static Instant instant(String field, Instant value) {
        required(field, value);
        if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
            throw fail(field, value + " is outside years 0000 to 9999");
        }
        return value.truncatedTo(ChronoUnit.MILLIS);
    }

    /** {@link #instant}, or {@code null}. */
    static Instant optionalInstant(String field, Instant value) {
        return value == null ? null : instant(field, value);
    }

    static double finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw fail(field, value + " is not a finite number");
        }
        return value;
    }

    /** Lower-case hexadecimal SHA-256, as {@code PolicyFile.contentHash} writes it. */
    static String contentHash(String field, String value) {
        required(field, value);
        if (!CONTENT_HASH.matcher(value).matches()) {
            throw fail(field, quote(value) + " is not a SHA-256 in 64 lower-case hexadecimal digits");
        }
        return value;
    }

    static <T> T required(String field, T value) {
        if (value == null) {
            throw fail(field, "is missing");
        }
        return value;
    }

    /**
     * A value for a message: in single quotes, control characters and surrogates escaped (a message stays
     * one printable line), cut after 80 characters.
     */
    static String quote(String value) {
        StringBuilder b = new StringBuilder("'");
        int n = Math.min(value.length(), 80);
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || Character.isSurrogate(c)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        if (value.length() > n) {
            b.append("…(").append(value.length()).append(" characters)");
        }
        return b.append('\'').toString();
    }
}
