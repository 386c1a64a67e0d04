package systems.rala.runtime.wire;

import java.time.Instant;

/**
 * One sampled value of one point.
 *
 * @param point the point's name, e.g. {@code air_temperature} (as in the site's point list)
 * @param value the value in {@code unit}: finite, or NaN (null on the wire) only when {@code quality} is
 *     {@link Quality#BAD}
 * @param unit the value's unit, e.g. {@code °C}, {@code %}, {@code ppm}, {@code W/m2}, {@code -}
 * @param sourceTime when the value was sampled, on the gateway's clock (or the device's, if it stamps its
 *     values), to the millisecond
 * @param quality how far it can be trusted
 */
public record Reading(String point, double value, String unit, Instant sourceTime, Quality quality) {

    public Reading {
        Check.name("point", point);
        Check.name("unit", unit);
        sourceTime = Check.instant("sourceTime", sourceTime);
        Check.required("quality", quality);
        if (Double.isNaN(value)) {
            if (quality != Quality.BAD) {
                throw Check.fail(
                        "value",
                        "is missing, which only a bad reading may be (quality is " + Check.quote(Wire.name(quality))
                                + ")");
            }
        } else {
            Check.finite("value", value);
        }
    }
}
