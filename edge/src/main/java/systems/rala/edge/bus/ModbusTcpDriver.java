package systems.rala.edge.bus;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.ModbusIOException;
import com.ghgande.j2mod.modbus.ModbusSlaveException;
import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.util.BitVector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import systems.rala.edge.config.BusAddress;
import systems.rala.edge.config.DeviceConfig;
import systems.rala.edge.config.PointSpec;

/**
 * A Modbus TCP master for one device (j2mod). Reads points in as few requests as their addresses allow (runs of
 * one unit and table, at most 125 registers or 2,000 bits, gaps of up to {@value #MAX_GAP} unused registers read
 * through). Every request gets one try within the device's timeout; a transaction that fails on the connection
 * (timed out, reset, garbled) closes it, so the next request starts on a fresh connection rather than reading a
 * late answer to an old one. An exception answer from the device (illegal address, busy) fails only the points of
 * that request and keeps the connection.
 */
public final class ModbusTcpDriver implements FieldBusDriver {

    /** Most registers per read request (Modbus Application Protocol V1.1b3, §6.3: 125). */
    static final int MAX_REGISTERS = 125;

    /** Most bits per read request (§6.1: 2,000). */
    static final int MAX_BITS = 2000;

    private final DeviceConfig device;
    private final ModbusTCPMaster master;
    private long connects;
    private long requests;
    private boolean closed;

    /** A driver for {@code device} (protocol modbus_tcp); connects on first use. */
    public ModbusTcpDriver(DeviceConfig device) {
        this.device = device;
        this.master = new ModbusTCPMaster(
                device.host(), device.port(), (int) device.timeout().toMillis(), false);
    }

    @Override
    public String device() {
        return device.name();
    }

    /** TCP connections opened so far (a reconnect after a failed transaction adds one). */
    public long connects() {
        return connects;
    }

    /** Modbus requests sent so far. */
    public long requests() {
        return requests;
    }

    @Override
    public List<ReadResult> read(List<PointSpec> points) {
        ReadResult[] out = new ReadResult[points.size()];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt((Integer i) -> unit(points.get(i)))
                .thenComparing(i -> modbus(points.get(i)).table())
                .thenComparingInt(i -> modbus(points.get(i)).register()));
        int k = 0;
        while (k < order.size()) {
            PointSpec first = points.get(order.get(k));
            BusAddress.Modbus a = modbus(first);
            int limit = a.table().bits() ? MAX_BITS : MAX_REGISTERS;
            int start = a.register();
            int end = start + first.type().registers(); // exclusive
            int j = k + 1;
            while (j < order.size()) {
                PointSpec p = points.get(order.get(j));
                BusAddress.Modbus b = modbus(p);
                int pEnd = b.register() + p.type().registers();
                if (unit(p) != unit(first)
                        || b.table() != a.table()
                        || b.register() - end > device.maxGap()
                        || Math.max(end, pEnd) - start > limit) {
                    break;
                }
                end = Math.max(end, pEnd);
                j++;
            }
            readRun(points, order.subList(k, j), a.table(), unit(first), start, end - start, out);
            k = j;
        }
        return Arrays.asList(out);
    }

    private void readRun(
            List<PointSpec> points,
            List<Integer> members,
            BusAddress.ModbusTable table,
            int unit,
            int start,
            int count,
            ReadResult[] out) {
        int[] words = new int[count];
        String failure = null;
        if (closed) {
            failure = "driver closed";
        } else {
            try {
                connected();
                requests++;
                int got = switch (table) {
                    case HOLDING -> copy(master.readMultipleRegisters(unit, start, count), words);
                    case INPUT -> copy(master.readInputRegisters(unit, start, count), words);
                    case COIL -> copy(master.readCoils(unit, start, count), words);
                    case DISCRETE -> copy(master.readInputDiscretes(unit, start, count), words);
                };
                if (got < count) {
                    failure = "device answered " + got + " of " + count + " "
                            + table.name().toLowerCase() + " values from " + start;
                }
            } catch (ModbusSlaveException e) {
                failure = "device refused " + table.name().toLowerCase() + " " + start + "+" + count + ": "
                        + e.getMessage();
            } catch (ModbusException | RuntimeException e) {
                failure = transportFailed(e);
            }
        }
        long now = System.currentTimeMillis();
        for (int i : members) {
            PointSpec p = points.get(i);
            if (failure != null) {
                out[i] = new ReadResult.Failure(p, failure, now);
            } else {
                double v = RegisterCodec.decode(p, words, modbus(p).register() - start);
                out[i] = new ReadResult.Value(p, v, now);
            }
        }
    }

    @Override
    public WriteResult write(PointSpec point, double value) {
        BusAddress.Modbus a = modbus(point);
        int[] words;
        try {
            words = RegisterCodec.encode(point, value);
        } catch (IllegalArgumentException e) {
            return new WriteResult.Failure(point, e.getMessage());
        }
        if (closed) {
            return new WriteResult.Failure(point, "driver closed");
        }
        try {
            connected();
            requests++;
            int unit = unit(point);
            switch (a.table()) {
                case COIL -> master.writeCoil(unit, a.register(), words[0] != 0);
                case HOLDING -> {
                    if (words.length == 1) {
                        master.writeSingleRegister(unit, a.register(), new SimpleRegister(words[0]));
                    } else {
                        Register[] regs = new Register[words.length];
                        for (int i = 0; i < words.length; i++) {
                            regs[i] = new SimpleRegister(words[i]);
                        }
                        master.writeMultipleRegisters(unit, a.register(), regs);
                    }
                }
                default -> {
                    return new WriteResult.Failure(point, a.table().name().toLowerCase() + " is read-only");
                }
            }
        } catch (ModbusSlaveException e) {
            return new WriteResult.Failure(point, "device refused the write: " + e.getMessage());
        } catch (ModbusException | RuntimeException e) {
            return new WriteResult.Failure(point, transportFailed(e));
        }
        double written = RegisterCodec.decode(point, words, 0);
        return new WriteResult.Written(point, written);
    }

    private void connected() throws ModbusException {
        if (!master.isConnected()) {
            try {
                connects++;
                master.connect();
            } catch (Exception e) { // j2mod's connect declares Exception
                master.disconnect();
                throw new ModbusIOException(
                        "cannot connect to %s:%d: %s", device.host(), device.port(), e.getMessage());
            }
            master.setRetries(1);
            master.setCheckingValidity(true);
        }
    }

    /** Closes the connection after a failed transaction: a late answer must not be taken for the next one's. */
    private String transportFailed(Exception e) {
        master.disconnect();
        return device.host() + ":" + device.port() + ": " + e.getMessage() + " (connection closed; the next request"
                + " reconnects)";
    }

    @Override
    public void close() {
        closed = true;
        master.disconnect();
    }

    private int unit(PointSpec p) {
        int u = modbus(p).unitId();
        return u >= 0 ? u : device.unitId();
    }

    private static BusAddress.Modbus modbus(PointSpec p) {
        if (p.address() instanceof BusAddress.Modbus m) {
            return m;
        }
        throw new IllegalArgumentException(p.name() + " is not a Modbus point: " + p.address());
    }

    private static int copy(InputRegister[] regs, int[] out) {
        int n = Math.min(regs == null ? 0 : regs.length, out.length);
        for (int i = 0; i < n; i++) {
            out[i] = regs[i].toUnsignedShort();
        }
        return n;
    }

    private static int copy(BitVector bits, int[] out) {
        int n = Math.min(bits == null ? 0 : bits.size(), out.length);
        for (int i = 0; i < n; i++) {
            out[i] = bits.getBit(i) ? 1 : 0;
        }
        return n;
    }
}
