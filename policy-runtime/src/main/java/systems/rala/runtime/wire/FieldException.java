package systems.rala.runtime.wire;

/**
 * A payload record was given a value its field does not allow. Thrown by the records' constructors as an
 * {@link IllegalArgumentException} (a programming error when the values come from code); {@link WireCodec}
 * turns it into a {@link WireFormatException} with the field's full path when the values come from the
 * wire.
 */
final class FieldException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String problem;

    FieldException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    String field() {
        return field;
    }

    String problem() {
        return problem;
    }
}
