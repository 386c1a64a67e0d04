package systems.rala.runtime.wire;

/**
 * One MQTT topic of the wire contract: {@code rala/v1/{facility}/{gateway}/{kind}}. Build one with
 * {@link Topics}, or with this constructor, which checks both ids ({@link Topics#checkId}); read one from the
 * wire with {@link Topics#parse}.
 *
 * @param facility the site, e.g. {@code westland-3}
 * @param gateway the gateway at that site, e.g. {@code gw-1}
 * @param kind what is published on it
 */
public record Topic(String facility, String gateway, MessageKind kind) {

    public Topic {
        Topics.checkId("facility", facility);
        Topics.checkId("gateway", gateway);
        if (kind == null) {
            throw new IllegalArgumentException("topic kind is missing");
        }
    }

    /** The topic string, e.g. {@code rala/v1/westland-3/gw-1/telemetry}. */
    public String name() {
        return Topics.PREFIX + "/" + facility + "/" + gateway + "/" + kind.wireName();
    }

    @Override
    public String toString() {
        return name();
    }
}
