package systems.rala.edge.bacnet;

import com.serotonin.bacnet4j.LocalDevice;
import com.serotonin.bacnet4j.exception.BACnetException;
import com.serotonin.bacnet4j.exception.BACnetTimeoutException;
import com.serotonin.bacnet4j.exception.ErrorAPDUException;
import com.serotonin.bacnet4j.npdu.ip.IpNetworkUtils;
import com.serotonin.bacnet4j.service.acknowledgement.ReadPropertyAck;
import com.serotonin.bacnet4j.service.confirmed.ReadPropertyRequest;
import com.serotonin.bacnet4j.service.confirmed.WritePropertyRequest;
import com.serotonin.bacnet4j.type.Encodable;
import com.serotonin.bacnet4j.type.constructed.Address;
import com.serotonin.bacnet4j.type.enumerated.BinaryPV;
import com.serotonin.bacnet4j.type.enumerated.PropertyIdentifier;
import com.serotonin.bacnet4j.type.primitive.Real;
import com.serotonin.bacnet4j.type.primitive.UnsignedInteger;
import java.util.ArrayList;
import java.util.List;
import systems.rala.edge.bus.FieldBusDriver;
import systems.rala.edge.bus.ReadResult;
import systems.rala.edge.bus.WriteResult;
import systems.rala.edge.config.BusAddress;
import systems.rala.edge.config.DeviceConfig;
import systems.rala.edge.config.PointSpec;

/**
 * A BACnet/IP client for one remote device (BACnet4J, GPL-3.0): reads and writes the present value of analog and
 * binary objects with ReadProperty and WriteProperty, addressed to the device's IP and port (no discovery, so no
 * broadcast is needed). The gateway's own BACnet device binds the configured local address and port and
 * broadcasts only to the configured broadcast address. One request per point, each with one try within the
 * device's timeout; after a timeout the rest of the read is failed at once ("skipped"), so a dead device costs
 * one timeout per tick, not one per point. Writes go in at priority {@value #WRITE_PRIORITY}.
 */
public final class BacnetIpDriver implements FieldBusDriver {

    /**
     * The priority-array slot the gateway commands (ASHRAE 135, Clause 19.2: 1–2 life safety, 5 critical
     * equipment, 8 manual operator; 10 is the first slot below the operator's and leaves 9 to other supervisors).
     */
    public static final int WRITE_PRIORITY = 10;

    private final DeviceConfig device;
    private final Address remote;
    private LocalDevice local;
    private boolean closed;

    /** A driver for {@code device} (protocol bacnet_ip); binds its local port on first use. */
    public BacnetIpDriver(DeviceConfig device) {
        this.device = device;
        this.remote = IpNetworkUtils.toAddress(device.host(), device.port());
    }

    @Override
    public String device() {
        return device.name();
    }

    private LocalDevice local() throws BACnetException {
        if (local == null) {
            LocalDevice d = Bacnet.localDevice(
                    device.localAddress(), device.localPort(), device.broadcast(), device.localDeviceInstance(), (int)
                            device.timeout().toMillis());
            try {
                d.initialize();
            } catch (Exception e) { // BACnet4J's initialize declares Exception
                d.terminate();
                throw new BACnetException(
                        "cannot start the gateway's BACnet device on " + device.localAddress() + ":"
                                + device.localPort() + ": " + e.getMessage(),
                        e);
            }
            local = d;
        }
        return local;
    }

    @Override
    public List<ReadResult> read(List<PointSpec> points) {
        List<ReadResult> out = new ArrayList<>(points.size());
        String skip = closed ? "driver closed" : null;
        for (PointSpec p : points) {
            if (skip != null) {
                out.add(new ReadResult.Failure(p, skip, System.currentTimeMillis()));
                continue;
            }
            BusAddress.Bacnet a = (BusAddress.Bacnet) p.address();
            try {
                ReadPropertyAck ack = local().send(
                                remote, new ReadPropertyRequest(Bacnet.id(a), PropertyIdentifier.presentValue))
                        .get();
                Encodable v = ack.getValue();
                double raw;
                if (v instanceof Real r) {
                    raw = r.floatValue();
                } else if (v instanceof BinaryPV b) {
                    raw = b.equals(BinaryPV.active) ? 1 : 0;
                } else {
                    out.add(new ReadResult.Failure(
                            p, a + " present value is a " + v.getClass().getSimpleName(), System.currentTimeMillis()));
                    continue;
                }
                out.add(new ReadResult.Value(p, p.toEngineering(raw), System.currentTimeMillis()));
            } catch (BACnetTimeoutException e) {
                String why = device.host() + ":" + device.port() + " did not answer within "
                        + device.timeout().toMillis() + " ms";
                out.add(new ReadResult.Failure(p, why, System.currentTimeMillis()));
                skip = "skipped: " + why;
            } catch (ErrorAPDUException e) {
                out.add(new ReadResult.Failure(
                        p, "device refused " + a + ": " + e.getError(), System.currentTimeMillis()));
            } catch (BACnetException | RuntimeException e) {
                out.add(new ReadResult.Failure(p, a + ": " + e.getMessage(), System.currentTimeMillis()));
                skip = "skipped: " + e.getMessage();
            }
        }
        return out;
    }

    @Override
    public WriteResult write(PointSpec p, double value) {
        if (closed) {
            return new WriteResult.Failure(p, "driver closed");
        }
        if (!Double.isFinite(value)) {
            return new WriteResult.Failure(p, value + " cannot be written");
        }
        BusAddress.Bacnet a = (BusAddress.Bacnet) p.address();
        double raw = p.toRaw(value);
        Encodable encoded;
        double written;
        if (a.object().binary()) {
            boolean on = raw >= 0.5;
            encoded = on ? BinaryPV.active : BinaryPV.inactive;
            written = p.toEngineering(on ? 1 : 0);
        } else {
            float f = (float) raw;
            encoded = new Real(f);
            written = p.toEngineering(f);
        }
        try {
            local().send(
                            remote,
                            new WritePropertyRequest(
                                    Bacnet.id(a),
                                    PropertyIdentifier.presentValue,
                                    null,
                                    encoded,
                                    new UnsignedInteger(WRITE_PRIORITY)))
                    .get();
            return new WriteResult.Written(p, written);
        } catch (ErrorAPDUException e) {
            return new WriteResult.Failure(p, "device refused the write to " + a + ": " + e.getError());
        } catch (BACnetException | RuntimeException e) {
            return new WriteResult.Failure(p, a + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        closed = true;
        if (local != null) {
            local.terminate();
            local = null;
        }
    }
}
