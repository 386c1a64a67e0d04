package systems.rala.runtime.wire;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Instants on the wire: ISO-8601 in UTC with a {@code Z}, written with exactly three fraction digits
 * ({@code 2026-03-01T06:00:00.000Z}, as JavaScript's {@code toISOString()} writes them). Read with zero to
 * nine fraction digits and truncated to the millisecond; any other offset, a space for the {@code T}, or a
 * missing seconds field is refused, so that two parties never read the same text as different instants.
 */
final class WireTime {

    /** An example, for messages. */
    static final String EXAMPLE = "2026-03-01T06:00:00.000Z";

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern(
                    "uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Pattern SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");

    private WireTime() {}

    static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    /** The instant, truncated to the millisecond; {@code null} if {@code text} is not a wire instant. */
    static Instant parse(String text) {
        if (!SHAPE.matcher(text).matches()) {
            return null;
        }
        try {
            return Instant.parse(text).truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            return null; // the right shape, but no such date or time (2026-02-30, 25:00)
        }
    }
}
