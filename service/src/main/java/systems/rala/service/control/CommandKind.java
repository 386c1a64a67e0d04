package systems.rala.service.control;

/** What a row of the commands table was published as. */
public enum CommandKind {
    /** A {@code Command} on the gateway's command topic. */
    COMMAND,
    /** A retained {@code PolicyAnnouncement} on the gateway's policy topic. */
    POLICY_ROLLOUT
}
