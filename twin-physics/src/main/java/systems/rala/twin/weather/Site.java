package systems.rala.twin.weather;

import java.time.ZoneOffset;

/**
 * Where a weather series was measured.
 *
 * @param name human-readable place name
 * @param latitudeDeg latitude, degrees north (−90 to 90)
 * @param longitudeDeg longitude, degrees east (−180 to 180)
 * @param elevationM elevation above sea level, m
 * @param standardOffset the site's local standard time (no daylight saving), the time base of EPW files
 */
public record Site(String name, double latitudeDeg, double longitudeDeg, double elevationM, ZoneOffset standardOffset) {

    public Site {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("site name is empty");
        }
        if (!(latitudeDeg >= -90 && latitudeDeg <= 90)) {
            throw new IllegalArgumentException("site latitudeDeg " + latitudeDeg + " outside [-90, 90]");
        }
        if (!(longitudeDeg >= -180 && longitudeDeg <= 180)) {
            throw new IllegalArgumentException("site longitudeDeg " + longitudeDeg + " outside [-180, 180]");
        }
        if (!(elevationM >= -500 && elevationM <= 9000)) {
            throw new IllegalArgumentException("site elevationM " + elevationM + " outside [-500, 9000]");
        }
        if (standardOffset == null) {
            throw new IllegalArgumentException("site standardOffset is missing");
        }
    }

    /** Amsterdam Schiphol, as in the IWEC file's header (52.30 N, 4.77 E, −2 m, UTC+1). */
    public static final Site AMSTERDAM = new Site("Amsterdam", 52.30, 4.77, -2.0, ZoneOffset.ofHours(1));
}
