package systems.rala.service.facility;

/** What a member may do in one facility; each role includes the ones before it. */
public enum Role {
    /** reads everything in the facility */
    VIEWER,
    /** also operates it: setpoints, commands, acknowledging alerts */
    OPERATOR,
    /** also administers it: settings, members, deletion */
    ADMIN;

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }
}
