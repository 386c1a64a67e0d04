package systems.rala.service.inventory;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks that an id given in a request body names a row of the facility in the path. Anything else, another
 * facility's row or none at all, is the same 422 naming the field.
 */
@Component
public class References {

    private final JdbcClient jdbc;

    References(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void zone(UUID facilityId, String field, UUID zoneId) {
        require("zones", facilityId, field, zoneId, "zone");
    }

    public void sensor(UUID facilityId, String field, UUID sensorId) {
        require("sensors", facilityId, field, sensorId, "sensor");
    }

    public void gateway(UUID facilityId, String field, UUID gatewayId) {
        require("gateways", facilityId, field, gatewayId, "gateway");
    }

    /** {@code table} is one of the constants above, never request input. */
    private void require(String table, UUID facilityId, String field, UUID id, String what) {
        if (id == null) {
            return;
        }
        long n = jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE id = ? AND facility_id = ?")
                .params(id, facilityId)
                .query(Long.class)
                .single();
        if (n == 0) {
            throw new Invalid.Reference(field, what);
        }
    }
}
