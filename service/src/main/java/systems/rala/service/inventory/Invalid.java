package systems.rala.service.inventory;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import systems.rala.service.web.ApiException;

/** Request fields that pass their annotations but not the rules between them or the facility's contents. */
public final class Invalid {

    private Invalid() {}

    /** 400: the field's value breaks a rule (min above max, the wrong unit for the kind...). */
    public static final class Field extends ApiException {
        private static final long serialVersionUID = 1L;

        public Field(String field, String reason) {
            super(HttpStatus.BAD_REQUEST, field, reason);
        }
    }

    /**
     * 422: the field names a zone, sensor or gateway that is not in this facility. The same answer whether it
     * exists elsewhere or nowhere, so another tenant's ids cannot be probed.
     */
    public static final class Reference extends ApiException {
        private static final long serialVersionUID = 1L;

        public Reference(String field, String what) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, field, "no " + what + " with this id in this facility");
        }
    }

    /** {@code value} as a constant of {@code type}, or a 400 naming the field and the allowed values. */
    public static <E extends Enum<E>> E enumValue(String field, String value, Class<E> type) {
        if (value != null) {
            try {
                return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // reported below with the allowed values
            }
        }
        throw new Field(
                field,
                "must be one of "
                        + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
    }

    /** {@code value} as a sensor kind (its wire name), or a 400 naming the field and the allowed names. */
    public static SensorKind sensorKind(String field, String value) {
        return SensorKind.fromWire(value == null ? null : value.strip())
                .orElseThrow(() -> new Field(field, "must be one of " + SensorKind.allowed()));
    }

    /** Both bounds may be absent; when both are given, {@code min <= max}, else a 400 naming {@code minField}. */
    public static void ordered(String minField, Double min, String maxField, Double max) {
        if (min != null && max != null && min > max) {
            throw new Field(minField, "must not exceed " + maxField + " (" + min + " > " + max + ")");
        }
    }
}
