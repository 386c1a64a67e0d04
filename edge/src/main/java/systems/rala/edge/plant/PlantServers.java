package systems.rala.edge.plant;

import java.util.List;
import java.util.ServiceLoader;
import systems.rala.edge.config.PointSpec;
import systems.rala.edge.config.Protocol;

/** Opens the right server for a plant device. */
final class PlantServers {

    private PlantServers() {}

    static PlantServer open(PlantConfig.Server server, List<PointSpec> points, VirtualPlant plant) {
        if (server.protocol() == Protocol.MODBUS_TCP) {
            return new ModbusPlantServer(server, points, plant);
        }
        for (PlantServerProvider p : ServiceLoader.load(PlantServerProvider.class)) {
            if (p.protocol() == server.protocol()) {
                return p.open(server, points, plant);
            }
        }
        throw new IllegalStateException(
                "no server for " + server.protocol().name().toLowerCase() + " on the class"
                        + " path (BACnet/IP lives in systems.rala.edge.bacnet)");
    }
}
