package systems.rala.service.mqtt;

import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import systems.rala.runtime.wire.MessageKind;
import systems.rala.runtime.wire.MessageKind.Direction;
import systems.rala.runtime.wire.Topics;

/**
 * Who may connect to the in-process broker and which topics each may use (the broker's authenticator and
 * authorisation policy, kept free of broker types so it is tested on its own).
 *
 * <p>The service connects as {@link #SERVICE_USER} with a secret made when the broker starts. A gateway
 * connects with its id as user name and its secret as password; it may publish only its own uplink topics,
 * {@code rala/v1/{facility}/{gateway}/{telemetry|state|event|audit|ack}}, and subscribe only to its own
 * {@code command} and {@code policy} topics. Anonymous clients are refused.
 */
final class BrokerAccess {

    static final String SERVICE_USER = "rala-service";

    private final byte[] serviceSecret;
    private final GatewayAuthenticator gateways;
    /** Facility of each gateway that authenticated, by gateway id; read by the topic checks. */
    private final Map<String, String> facilityOf = new ConcurrentHashMap<>();

    BrokerAccess(byte[] serviceSecret, GatewayAuthenticator gateways) {
        this.serviceSecret = serviceSecret.clone();
        this.gateways = gateways;
    }

    boolean authenticate(String username, byte[] password) {
        if (username == null || password == null) {
            return false;
        }
        if (SERVICE_USER.equals(username)) {
            return MessageDigest.isEqual(serviceSecret, password);
        }
        Optional<UUID> facility = gateways.authenticate(username, password);
        facility.ifPresentOrElse(f -> facilityOf.put(username, f.toString()), () -> facilityOf.remove(username));
        return facility.isPresent();
    }

    /** May {@code username} publish to {@code topic}? */
    boolean canWrite(String topic, String username) {
        if (SERVICE_USER.equals(username)) {
            return isDownlink(topic);
        }
        return ownTopic(topic, username, Direction.UPLINK);
    }

    /** May {@code username} subscribe with {@code filter}? */
    boolean canRead(String filter, String username) {
        if (SERVICE_USER.equals(username)) {
            return filter.startsWith(Topics.PREFIX + "/");
        }
        return ownTopic(filter, username, Direction.DOWNLINK);
    }

    private static boolean isDownlink(String topic) {
        String[] levels = topic.split("/", -1);
        return levels.length == 5
                && topic.startsWith(Topics.PREFIX + "/")
                && !topic.contains("+")
                && !topic.contains("#")
                && kindOf(levels[4]) == Direction.DOWNLINK;
    }

    /** A gateway's own topic of a kind that goes {@code direction}, exactly (no wildcards). */
    private boolean ownTopic(String topic, String gateway, Direction direction) {
        String facility = gateway == null ? null : facilityOf.get(gateway);
        if (facility == null) {
            return false;
        }
        String own = Topics.PREFIX + "/" + facility + "/" + gateway + "/";
        return topic.startsWith(own) && kindOf(topic.substring(own.length())) == direction;
    }

    /** The direction of the kind whose topic level is {@code level}, or {@code null}. */
    private static Direction kindOf(String level) {
        for (MessageKind kind : MessageKind.values()) {
            if (kind.wireName().equals(level)) {
                return kind.direction();
            }
        }
        return null;
    }
}
