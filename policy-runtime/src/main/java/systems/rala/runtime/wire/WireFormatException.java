package systems.rala.runtime.wire;

/**
 * A message received from the wire cannot be used: its topic is not one of RALA's, its payload is not JSON,
 * is too large, misses a required field, has a field of the wrong type or out of range, or was written by a
 * newer schema version ({@link UnsupportedSchemaVersionException}).
 *
 * <p>The message names the payload type, the field (a path such as {@code readings[3].value}) and the
 * offending value, e.g. {@code telemetry payload: readings[3].value: expected a number but found string
 * "warm"}. It is a checked exception because every receiver has to decide what to do with a bad message
 * (drop it, count it, alert), and no receiver should act on one.
 */
public class WireFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String payloadType;
    private final String field;
    private final String problem;

    /**
     * @param payloadType the payload type as written on the wire ({@code telemetry}, {@code command}, …),
     *     {@code topic} for a topic, or {@code wire} when the type is not known yet
     * @param field path of the offending field, or {@code null} when the problem is the payload as a whole
     * @param problem what is wrong, with the offending value
     */
    public WireFormatException(String payloadType, String field, String problem) {
        super(payloadType
                + (payloadType.equals("topic") ? ": " : " payload: ")
                + (field == null ? "" : field + ": ")
                + problem);
        this.payloadType = payloadType;
        this.field = field;
        this.problem = problem;
    }

    /** The payload type as written on the wire, {@code topic}, or {@code wire} when not known. */
    public String payloadType() {
        return payloadType;
    }

    /** Path of the offending field, or {@code null} when the problem is the payload as a whole. */
    public String field() {
        return field;
    }

    /** What is wrong, without the payload type and field. */
    public String problem() {
        return problem;
    }
}
