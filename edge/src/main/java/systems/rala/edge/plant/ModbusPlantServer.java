package systems.rala.edge.plant;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.procimg.DigitalIn;
import com.ghgande.j2mod.modbus.procimg.DigitalOut;
import com.ghgande.j2mod.modbus.procimg.FIFO;
import com.ghgande.j2mod.modbus.procimg.File;
import com.ghgande.j2mod.modbus.procimg.IllegalAddressException;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.ProcessImage;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import systems.rala.edge.bus.RegisterCodec;
import systems.rala.edge.config.BusAddress;
import systems.rala.edge.config.BusAddress.ModbusTable;
import systems.rala.edge.config.PointSpec;

/**
 * A Modbus TCP slave (j2mod) serving one device of the virtual plant. Its process image computes registers from
 * the plant when they are read: a request reads all its registers under the plant's lock, so a 32-bit value is
 * never torn by a step in between. A write takes effect when the last register of its point is written. An
 * address no point occupies answers ILLEGAL DATA ADDRESS, as a PLC does.
 */
final class ModbusPlantServer implements PlantServer {

    private final PlantConfig.Server server;
    private final ModbusSlave slave;

    /** A register or bit of one point: the point and which of its words (0 for 16-bit and bits). */
    private record Cell(PointSpec point, int word) {}

    ModbusPlantServer(PlantConfig.Server server, List<PointSpec> points, VirtualPlant plant) {
        this.server = server;
        Image image = new Image(points, plant);
        try {
            ModbusSlave s =
                    ModbusSlaveFactory.createTCPSlave(InetAddress.getByName(server.host()), server.port(), 5, false, 0);
            s.addProcessImage(server.unitId(), image);
            s.addProcessImage(0, image); // unit 0: the Modbus TCP "this device" address many masters send
            try {
                s.open();
            } catch (ModbusException e) {
                ModbusSlaveFactory.close(s);
                throw e;
            }
            this.slave = s;
        } catch (ModbusException | UnknownHostException e) {
            throw new IllegalStateException(
                    "device " + server.name() + ": cannot serve Modbus TCP on " + server.host() + ":" + server.port()
                            + ": " + e.getMessage(),
                    e);
        }
    }

    @Override
    public String device() {
        return server.name();
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        ModbusSlaveFactory.close(slave);
    }

    /** The process image: every table a sorted map from address to cell. */
    private static final class Image implements ProcessImage {
        private final VirtualPlant plant;
        private final Map<ModbusTable, TreeMap<Integer, Cell>> tables = new EnumMap<>(ModbusTable.class);
        /** Words written so far to multi-register points, by point name, until the last word arrives. */
        private final Map<String, int[]> pending = new java.util.HashMap<>();

        Image(List<PointSpec> points, VirtualPlant plant) {
            this.plant = plant;
            for (ModbusTable t : ModbusTable.values()) {
                tables.put(t, new TreeMap<>());
            }
            for (PointSpec p : points) {
                BusAddress.Modbus a = (BusAddress.Modbus) p.address();
                for (int k = 0; k < p.type().registers(); k++) {
                    tables.get(a.table()).put(a.register() + k, new Cell(p, k));
                }
                // a point the gateway reads back is readable whatever its access says
            }
        }

        private Cell cell(ModbusTable t, int address) {
            Cell c = tables.get(t).get(address);
            if (c == null) {
                throw new IllegalAddressException(t.name().toLowerCase() + " " + address + " is not mapped");
            }
            return c;
        }

        /** The registers of {@code t} from {@code ref}, computed now under the plant's lock. */
        private Register[] registers(ModbusTable t, int ref, int count) {
            Register[] out = new Register[count];
            synchronized (plant) {
                Map<String, int[]> words = new java.util.HashMap<>();
                for (int i = 0; i < count; i++) {
                    Cell c = cell(t, ref + i);
                    int[] w = words.computeIfAbsent(c.point().name(), n -> encode(c.point()));
                    out[i] = new PlantRegister(this, c, w[c.word()]);
                }
            }
            return out;
        }

        private int[] encode(PointSpec p) {
            double v = plant.value(p.name());
            try {
                return RegisterCodec.encode(p, v);
            } catch (IllegalArgumentException e) {
                // a value the type cannot hold (a sensor beyond its range): saturate, as a PLC's scaling block does
                double raw = p.toRaw(v);
                raw = Double.isNaN(raw)
                        ? 0
                        : Math.max(p.type().rawMin(), Math.min(p.type().rawMax(), raw));
                return RegisterCodec.encodeRaw(p.type(), p.wordOrder(), p.type().integral() ? Math.rint(raw) : raw);
            }
        }

        /** A write of one word of {@code c}: applied to the plant when the point's last word has come. */
        void write(Cell c, int word) {
            PointSpec p = c.point();
            if (!p.access().writable()) {
                throw new IllegalAddressException(p.name() + " is read-only");
            }
            synchronized (plant) {
                int[] w = pending.computeIfAbsent(p.name(), n -> encode(p));
                w[c.word()] = word & 0xFFFF;
                if (c.word() == p.type().registers() - 1) {
                    pending.remove(p.name());
                    plant.write(p.name(), RegisterCodec.decode(p, w, 0));
                }
            }
        }

        @Override
        public Register[] getRegisterRange(int ref, int count) {
            return registers(ModbusTable.HOLDING, ref, count);
        }

        @Override
        public Register getRegister(int ref) {
            return registers(ModbusTable.HOLDING, ref, 1)[0];
        }

        @Override
        public int getRegisterCount() {
            return tables.get(ModbusTable.HOLDING).isEmpty()
                    ? 0
                    : tables.get(ModbusTable.HOLDING).lastKey() + 1;
        }

        @Override
        public InputRegister[] getInputRegisterRange(int ref, int count) {
            return registers(ModbusTable.INPUT, ref, count);
        }

        @Override
        public InputRegister getInputRegister(int ref) {
            return registers(ModbusTable.INPUT, ref, 1)[0];
        }

        @Override
        public int getInputRegisterCount() {
            return tables.get(ModbusTable.INPUT).isEmpty()
                    ? 0
                    : tables.get(ModbusTable.INPUT).lastKey() + 1;
        }

        @Override
        public DigitalOut[] getDigitalOutRange(int ref, int count) {
            Register[] r = registers(ModbusTable.COIL, ref, count);
            DigitalOut[] out = new DigitalOut[count];
            for (int i = 0; i < count; i++) {
                out[i] = (PlantRegister) r[i];
            }
            return out;
        }

        @Override
        public DigitalOut getDigitalOut(int ref) {
            return getDigitalOutRange(ref, 1)[0];
        }

        @Override
        public int getDigitalOutCount() {
            return tables.get(ModbusTable.COIL).isEmpty()
                    ? 0
                    : tables.get(ModbusTable.COIL).lastKey() + 1;
        }

        @Override
        public DigitalIn[] getDigitalInRange(int ref, int count) {
            Register[] r = registers(ModbusTable.DISCRETE, ref, count);
            DigitalIn[] out = new DigitalIn[count];
            for (int i = 0; i < count; i++) {
                out[i] = (PlantRegister) r[i];
            }
            return out;
        }

        @Override
        public DigitalIn getDigitalIn(int ref) {
            return getDigitalInRange(ref, 1)[0];
        }

        @Override
        public int getDigitalInCount() {
            return tables.get(ModbusTable.DISCRETE).isEmpty()
                    ? 0
                    : tables.get(ModbusTable.DISCRETE).lastKey() + 1;
        }

        @Override
        public File getFile(int ref) {
            throw new IllegalAddressException("no files");
        }

        @Override
        public File getFileByNumber(int ref) {
            throw new IllegalAddressException("no files");
        }

        @Override
        public int getFileCount() {
            return 0;
        }

        @Override
        public FIFO getFIFO(int ref) {
            throw new IllegalAddressException("no FIFOs");
        }

        @Override
        public FIFO getFIFOByAddress(int ref) {
            throw new IllegalAddressException("no FIFOs");
        }

        @Override
        public int getFIFOCount() {
            return 0;
        }
    }

    /** One word (or bit) as read now; writing it writes through to the plant. */
    private static final class PlantRegister implements Register, DigitalOut {
        private final Image image;
        private final Cell cell;
        private int value;

        PlantRegister(Image image, Cell cell, int value) {
            this.image = image;
            this.cell = cell;
            this.value = value & 0xFFFF;
        }

        @Override
        public int getValue() {
            return value;
        }

        @Override
        public int toUnsignedShort() {
            return value;
        }

        @Override
        public short toShort() {
            return (short) value;
        }

        @Override
        public byte[] toBytes() {
            return new byte[] {(byte) (value >>> 8), (byte) value};
        }

        @Override
        public void setValue(int v) {
            value = v & 0xFFFF;
            image.write(cell, value);
        }

        @Override
        public void setValue(short s) {
            setValue(s & 0xFFFF);
        }

        @Override
        public void setValue(byte[] bytes) {
            setValue(((bytes[0] & 0xFF) << 8) | (bytes[1] & 0xFF));
        }

        @Override
        public boolean isSet() {
            return value != 0;
        }

        @Override
        public void set(boolean b) {
            setValue(b ? 1 : 0);
        }
    }
}
