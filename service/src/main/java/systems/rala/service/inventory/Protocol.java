package systems.rala.service.inventory;

/** How a gateway reaches a device on site. */
public enum Protocol {
    MODBUS_TCP,
    BACNET_IP,
    /** the virtual plant: the twin behind the field-bus drivers */
    VIRTUAL
}
