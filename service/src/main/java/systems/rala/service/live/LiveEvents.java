package systems.rala.service.live;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What happens in a facility as it happens (readings stored, alerts raised or changed, command status), for
 * whoever watches it live. Publishers call {@link #publish}; the WebSocket layer (and tests) {@link #subscribe}.
 * Delivery is synchronous on the publisher's thread, so a listener must hand off anything slow.
 */
@Component
public class LiveEvents {

    private static final Logger log = LoggerFactory.getLogger(LiveEvents.class);

    /**
     * One event.
     *
     * @param facility the facility it belongs to; only its members may see it
     * @param type what it is: {@code readings}, {@code alert}, {@code command}, {@code gateway},
     *     {@code decision}
     * @param payload a JSON-serialisable value
     */
    public record Event(UUID facility, String type, Object payload) {}

    /** Receives events. */
    @FunctionalInterface
    public interface Listener {
        void onEvent(Event event);
    }

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public void publish(UUID facility, String type, Object payload) {
        if (listeners.isEmpty()) {
            return;
        }
        Event event = new Event(facility, type, payload);
        for (Listener l : listeners) {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                log.warn("live event listener failed on {}: {}", type, e.toString());
            }
        }
    }

    /** @return a handle that unsubscribes */
    public Runnable subscribe(Listener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
