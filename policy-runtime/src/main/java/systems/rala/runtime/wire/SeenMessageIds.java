package systems.rala.runtime.wire;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The most recently processed message ids, to drop duplicates: MQTT's QoS 1 delivers at least once, and a
 * gateway's store-and-forward replays what it is not sure was delivered. The service keeps one for uplink
 * messages, a gateway one for commands (so that a redelivered command is acknowledged again, not applied
 * again).
 *
 * <p>It remembers the last {@code capacity} ids, forgetting the least recently seen first; an id seen again
 * becomes the most recent. A duplicate older than that window passes, so a receiver whose effects must
 * never repeat also keeps a durable record (the service: a unique key on gateway and message id). Ids are
 * kept per gateway ({@link #firstTime(WireMessage)}), so one gateway's ids cannot shadow another's.
 *
 * <p>Call {@link #firstTime} before processing, and {@link #forget} if processing fails, so that the
 * retry is processed. Thread-safe.
 */
public final class SeenMessageIds {

    private final int capacity;
    private final LinkedHashMap<String, Boolean> seen;

    /** @param capacity how many ids to remember, at least 1 */
    public SeenMessageIds(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity + " is below 1");
        }
        this.capacity = capacity;
        this.seen = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > SeenMessageIds.this.capacity;
            }
        };
    }

    /** Whether {@code message} is not a duplicate; records it. Keyed by gateway and message id. */
    public boolean firstTime(WireMessage message) {
        return firstTime(key(message));
    }

    /** Whether {@code key} was not seen within the window; records it as the most recent either way. */
    public synchronized boolean firstTime(String key) {
        return seen.put(key, Boolean.TRUE) == null;
    }

    /** Whether {@code message} was seen within the window (does not record it). */
    public boolean contains(WireMessage message) {
        return contains(key(message));
    }

    /** Whether {@code key} was seen within the window (does not record it or change its recency). */
    public synchronized boolean contains(String key) {
        return seen.containsKey(key);
    }

    /** Forgets {@code message}, so that it counts as new again (after its processing failed). */
    public void forget(WireMessage message) {
        forget(key(message));
    }

    /** Forgets {@code key}. */
    public synchronized void forget(String key) {
        seen.remove(key);
    }

    /** How many ids it remembers now. */
    public synchronized int size() {
        return seen.size();
    }

    /** How many ids it remembers at most. */
    public int capacity() {
        return capacity;
    }

    /** {@code gatewayId/messageId}: gateway ids cannot contain '/'. */
    static String key(WireMessage message) {
        return message.gatewayId() + "/" + message.messageId();
    }
}
