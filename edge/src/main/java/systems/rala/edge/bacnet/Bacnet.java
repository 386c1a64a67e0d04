package systems.rala.edge.bacnet;

import com.serotonin.bacnet4j.LocalDevice;
import com.serotonin.bacnet4j.npdu.ip.IpNetwork;
import com.serotonin.bacnet4j.npdu.ip.IpNetworkBuilder;
import com.serotonin.bacnet4j.transport.DefaultTransport;
import com.serotonin.bacnet4j.type.enumerated.EngineeringUnits;
import com.serotonin.bacnet4j.type.enumerated.ObjectType;
import com.serotonin.bacnet4j.type.primitive.ObjectIdentifier;
import systems.rala.edge.config.BusAddress;
import systems.rala.runtime.observation.Units;

/** What the BACnet driver and the plant's BACnet device share. */
final class Bacnet {

    private Bacnet() {}

    /**
     * A local BACnet/IP device bound to {@code bindAddress}:{@code port}, broadcasting only to {@code broadcast}
     * (127.255.255.255 on loopback; BACnet4J would otherwise use the all-ones limited broadcast). Not yet
     * initialised.
     */
    static LocalDevice localDevice(String bindAddress, int port, String broadcast, int instance, int timeoutMs) {
        IpNetwork network = new IpNetworkBuilder()
                .withLocalBindAddress(bindAddress)
                .withPort(port)
                .withBroadcast(broadcast, prefixLength(broadcast))
                .build();
        DefaultTransport transport = new DefaultTransport(network);
        transport.setTimeout(timeoutMs);
        transport.setRetries(0); // one try per request: the control loop retries on its next tick
        return new LocalDevice(instance, transport);
    }

    /** The prefix length whose broadcast address {@code broadcast} is: trailing 255 octets × 8 bits off 32. */
    static int prefixLength(String broadcast) {
        String[] octets = broadcast.split("\\.");
        int host = 0;
        for (int i = octets.length - 1; i >= 0 && octets[i].equals("255"); i--) {
            host += 8;
        }
        return Math.max(0, 32 - host);
    }

    static ObjectIdentifier id(BusAddress.Bacnet a) {
        ObjectType t = switch (a.object()) {
            case ANALOG_INPUT -> ObjectType.analogInput;
            case ANALOG_OUTPUT -> ObjectType.analogOutput;
            case ANALOG_VALUE -> ObjectType.analogValue;
            case BINARY_INPUT -> ObjectType.binaryInput;
            case BINARY_OUTPUT -> ObjectType.binaryOutput;
            case BINARY_VALUE -> ObjectType.binaryValue;
        };
        return new ObjectIdentifier(t, a.instance());
    }

    /** BACnet's engineering unit for a point unit (no-units when BACnet has none that fits). */
    static EngineeringUnits units(String unit) {
        return switch (Units.normalise(unit)) {
            case "°C" -> EngineeringUnits.degreesCelsius;
            case "K" -> EngineeringUnits.degreesKelvin;
            case "%" -> EngineeringUnits.percent;
            case "ppm" -> EngineeringUnits.partsPerMillion;
            case "W/m2" -> EngineeringUnits.wattsPerSquareMeter;
            case "kPa" -> EngineeringUnits.kilopascals;
            case "m/s" -> EngineeringUnits.metersPerSecond;
            case "MJ/m2" -> EngineeringUnits.megajoulesPerSquareMeter;
            case "s" -> EngineeringUnits.seconds;
            default -> EngineeringUnits.noUnits;
        };
    }
}
