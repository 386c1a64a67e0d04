package systems.rala.edge.plant;

import java.util.List;
import systems.rala.edge.config.PointSpec;
import systems.rala.edge.config.Protocol;

/**
 * Serves a plant device on a protocol that lives in its own package: BACnet/IP, whose library is GPL-3.0, is
 * found through {@link java.util.ServiceLoader} so that nothing outside {@code systems.rala.edge.bacnet} refers
 * to it.
 */
public interface PlantServerProvider {

    /** The protocol it serves. */
    Protocol protocol();

    /** Opens a server for {@code server}'s {@code points}, backed by {@code plant}. */
    PlantServer open(PlantConfig.Server server, List<PointSpec> points, VirtualPlant plant);
}
