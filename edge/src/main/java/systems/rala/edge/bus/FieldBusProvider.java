package systems.rala.edge.bus;

import systems.rala.edge.config.DeviceConfig;
import systems.rala.edge.config.Protocol;

/**
 * Opens drivers for a protocol that lives in its own package: BACnet/IP, whose library is GPL-3.0, is found
 * through {@link java.util.ServiceLoader} so that nothing outside {@code systems.rala.edge.bacnet} refers to it.
 */
public interface FieldBusProvider {

    /** The protocol it speaks. */
    Protocol protocol();

    /** A driver for {@code device}. */
    FieldBusDriver open(DeviceConfig device);
}
