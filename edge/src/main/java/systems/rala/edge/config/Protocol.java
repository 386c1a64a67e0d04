package systems.rala.edge.config;

/** The field buses the gateway speaks. */
public enum Protocol {
    /** Modbus TCP (j2mod). */
    MODBUS_TCP,
    /** BACnet/IP (BACnet4J, GPL-3.0, in {@code systems.rala.edge.bacnet}). */
    BACNET_IP
}
