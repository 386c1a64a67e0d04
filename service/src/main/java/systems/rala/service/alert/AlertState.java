package systems.rala.service.alert;

/** An alert's life: OPEN → ACKNOWLEDGED → RESOLVED, or OPEN → RESOLVED directly. Nothing goes back. */
public enum AlertState {
    OPEN,
    ACKNOWLEDGED,
    RESOLVED;

    /** Whether an alert in this state may move to {@code next}. */
    public boolean canMoveTo(AlertState next) {
        return switch (this) {
            case OPEN -> next == ACKNOWLEDGED || next == RESOLVED;
            case ACKNOWLEDGED -> next == RESOLVED;
            case RESOLVED -> false;
        };
    }
}
