package systems.rala.runtime.wire;

/**
 * A message as received from the broker: its topic, read by {@link Topics#parse}, and its payload, decoded
 * and checked against the topic by {@link WireCodec#receive}.
 *
 * @param topic where it was published; names the facility, which the payload does not carry
 * @param message the payload, of the topic's kind and for the topic's gateway
 */
public record Delivery(Topic topic, WireMessage message) {

    public Delivery {
        if (topic == null || message == null) {
            throw new IllegalArgumentException("a delivery needs a topic and a message");
        }
        if (message.kind() != topic.kind() || !message.gatewayId().equals(topic.gateway())) {
            throw new IllegalArgumentException("the " + message.kind().wireName() + " message for gateway "
                    + message.gatewayId() + " does not belong on topic " + topic);
        }
    }
}
