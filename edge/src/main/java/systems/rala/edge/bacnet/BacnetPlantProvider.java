package systems.rala.edge.bacnet;

import java.util.List;
import systems.rala.edge.config.PointSpec;
import systems.rala.edge.config.Protocol;
import systems.rala.edge.plant.PlantConfig;
import systems.rala.edge.plant.PlantServer;
import systems.rala.edge.plant.PlantServerProvider;
import systems.rala.edge.plant.VirtualPlant;

/** The virtual plant's BACnet/IP devices, found by {@link java.util.ServiceLoader}. */
public final class BacnetPlantProvider implements PlantServerProvider {

    @Override
    public Protocol protocol() {
        return Protocol.BACNET_IP;
    }

    @Override
    public PlantServer open(PlantConfig.Server server, List<PointSpec> points, VirtualPlant plant) {
        return new BacnetPlantDevice(server, points, plant);
    }
}
