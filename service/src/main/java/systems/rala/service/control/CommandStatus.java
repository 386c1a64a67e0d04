package systems.rala.service.control;

import java.util.Arrays;
import java.util.List;

/**
 * Where a command or rollout is. It moves forward only, possibly skipping steps (a gateway's acknowledgement
 * can overtake the broker's confirmation of the publish), and never leaves a terminal status.
 */
public enum CommandStatus {
    /** Recorded, not yet taken by the broker (the broker may be unreachable). */
    QUEUED(0),
    /** The broker confirmed the publish (QoS 1). */
    SENT(1),
    /** The gateway acknowledged it as received. */
    DELIVERED(2),
    /** Applied (a command) or loaded (a rollout). */
    SUCCEEDED(3),
    /** Rejected, failed or expired at the gateway, never sent before it expired, or superseded (a rollout). */
    FAILED(3),
    /** Sent, but no terminal answer came in time: the outcome is unknown. */
    TIMED_OUT(3);

    private final int rank;

    CommandStatus(int rank) {
        this.rank = rank;
    }

    /** Whether nothing follows it. */
    public boolean isTerminal() {
        return rank == 3;
    }

    /** The statuses it may be reached from: every earlier, non-terminal one. */
    List<CommandStatus> reachableFrom() {
        return Arrays.stream(values()).filter(s -> s.rank < rank).toList();
    }
}
