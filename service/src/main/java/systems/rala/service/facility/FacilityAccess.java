package systems.rala.service.facility;

import java.util.UUID;
import org.springframework.stereotype.Component;
import systems.rala.service.web.ApiException;

/**
 * The one membership check every facility-scoped endpoint makes. A facility the caller is no member of answers
 * 404, exactly like one that does not exist, so ids of other tenants cannot be probed; a member whose role is
 * too low gets 403.
 */
@Component
public class FacilityAccess {

    private final FacilityRepository facilities;

    FacilityAccess(FacilityRepository facilities) {
        this.facilities = facilities;
    }

    /** The caller's role in the facility, at least {@code needed}. */
    public Role require(UUID facilityId, UUID userId, Role needed) {
        Role role = facilities.roleOf(facilityId, userId).orElseThrow(() -> new ApiException.NotFound("facility"));
        if (!role.includes(needed)) {
            throw new ApiException.Forbidden("needs the " + needed.name().toLowerCase() + " role in this facility");
        }
        return role;
    }
}
