package systems.rala.runtime.wire;

/**
 * Who decides a gateway's commands to the equipment. On the wire, the constant's name in lower case.
 */
public enum ControlMode {
    /** The loaded policy acts, through the safety layer. */
    POLICY,
    /**
     * The policy runs and its actions are recorded, but the rule-based controller acts: a new policy's
     * trial.
     */
    ADVISORY,
    /** The grower's overrides and the site's own control act; the gateway writes nothing unasked. */
    MANUAL,
    /** The rule-based controller acts because the policy cannot: none loaded, failed checks, stale inputs. */
    FALLBACK
}
