package systems.rala.edge.config;

import java.time.Duration;

/**
 * How the gateway reaches one device of the site.
 *
 * <pre>{@code
 * "devices": {
 *   "plc": { "protocol": "modbus_tcp", "host": "127.0.0.1", "port": 5020, "unitId": 1, "timeout": "1s" },
 *   "bms": { "protocol": "bacnet_ip", "host": "127.0.0.1", "port": 47808, "deviceInstance": 1001,
 *            "localAddress": "127.0.0.1", "localPort": 47809, "broadcast": "127.255.255.255", "timeout": "2s" }
 * }
 * }</pre>
 *
 * @param name the device's name, as points refer to it
 * @param protocol its field bus
 * @param host its IP address or host name
 * @param port its TCP (Modbus) or UDP (BACnet/IP) port
 * @param unitId Modbus unit id of its points unless a point names its own, 0–255 (BACnet: -1)
 * @param timeout how long one request may take before it has failed
 * @param deviceInstance BACnet device instance of the remote device (Modbus: -1)
 * @param localAddress BACnet: the address the gateway's own BACnet device binds to
 * @param localPort BACnet: the UDP port the gateway's own BACnet device binds to
 * @param broadcast BACnet: where the gateway's device broadcasts, a subnet's broadcast address (on loopback:
 *     127.255.255.255); the all-ones limited broadcast is refused
 * @param localDeviceInstance BACnet: the gateway's own device instance
 * @param maxGap Modbus: unused registers between two points that one request reads through (0: only adjacent
 *     points share a request; many PLCs refuse a request that touches an unmapped register, so raise it only for
 *     a device known to answer them)
 */
public record DeviceConfig(
        String name,
        Protocol protocol,
        String host,
        int port,
        int unitId,
        Duration timeout,
        int deviceInstance,
        String localAddress,
        int localPort,
        String broadcast,
        int localDeviceInstance,
        int maxGap) {

    /** A Modbus TCP device: {@code host}:{@code port}, unit {@code unitId}, adjacent points read together. */
    public static DeviceConfig modbus(String name, String host, int port, int unitId, Duration timeout) {
        return new DeviceConfig(name, Protocol.MODBUS_TCP, host, port, unitId, timeout, -1, null, 0, null, -1, 0);
    }

    /**
     * A BACnet/IP device {@code deviceInstance} at {@code host}:{@code port}, the gateway's own device on
     * 127.0.0.1:{@code localPort} broadcasting to 127.255.255.255.
     */
    public static DeviceConfig bacnet(
            String name, String host, int port, int deviceInstance, int localPort, Duration timeout) {
        return new DeviceConfig(
                name,
                Protocol.BACNET_IP,
                host,
                port,
                -1,
                timeout,
                deviceInstance,
                "127.0.0.1",
                localPort,
                "127.255.255.255",
                4_194_000,
                0);
    }

    static DeviceConfig read(String name, JsonFields f) {
        Protocol protocol = f.choice("protocol", Protocol.class);
        String host = f.string("host");
        Duration timeout = f.duration("timeout", Duration.ofMillis(50), Duration.ofMinutes(1), Duration.ofSeconds(2));
        DeviceConfig d;
        if (protocol == Protocol.MODBUS_TCP) {
            int port = (int) f.integer("port", 1, 65_535, 502);
            int unitId = (int) f.integer("unitId", 0, 255, 1);
            int maxGap = (int) f.integer("maxGap", 0, 100, 0);
            d = new DeviceConfig(name, protocol, host, port, unitId, timeout, -1, null, 0, null, -1, maxGap);
        } else {
            int port = (int) f.integer("port", 1, 65_535, 47_808);
            int instance = (int) f.integer("deviceInstance", 0, 4_194_302);
            String localAddress = f.string("localAddress", "127.0.0.1");
            int localPort = (int) f.integer("localPort", 1, 65_535, 47_809);
            String broadcast = f.broadcast("broadcast", "127.255.255.255");
            int localInstance = (int) f.integer("localDeviceInstance", 0, 4_194_302, 4_194_000);
            d = new DeviceConfig(
                    name,
                    protocol,
                    host,
                    port,
                    -1,
                    timeout,
                    instance,
                    localAddress,
                    localPort,
                    broadcast,
                    localInstance,
                    0);
        }
        f.done();
        return d;
    }
}
