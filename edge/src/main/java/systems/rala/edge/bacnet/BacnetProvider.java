package systems.rala.edge.bacnet;

import systems.rala.edge.bus.FieldBusDriver;
import systems.rala.edge.bus.FieldBusProvider;
import systems.rala.edge.config.DeviceConfig;
import systems.rala.edge.config.Protocol;

/** BACnet/IP drivers, found by {@link java.util.ServiceLoader}. */
public final class BacnetProvider implements FieldBusProvider {

    @Override
    public Protocol protocol() {
        return Protocol.BACNET_IP;
    }

    @Override
    public FieldBusDriver open(DeviceConfig device) {
        return new BacnetIpDriver(device);
    }
}
