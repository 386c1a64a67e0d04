package systems.rala.edge.bus;

import java.util.ServiceLoader;
import systems.rala.edge.config.DeviceConfig;
import systems.rala.edge.config.Protocol;

/** Opens the driver for a device of the site configuration. */
public final class Drivers {

    private Drivers() {}

    /** A driver for {@code device}: Modbus TCP here, other protocols from their {@link FieldBusProvider}. */
    public static FieldBusDriver open(DeviceConfig device) {
        if (device.protocol() == Protocol.MODBUS_TCP) {
            return new ModbusTcpDriver(device);
        }
        for (FieldBusProvider p : ServiceLoader.load(FieldBusProvider.class)) {
            if (p.protocol() == device.protocol()) {
                return p.open(device);
            }
        }
        throw new IllegalStateException(
                "no driver for " + device.protocol().name().toLowerCase()
                        + " on the class path (BACnet/IP lives in systems.rala.edge.bacnet)");
    }
}
