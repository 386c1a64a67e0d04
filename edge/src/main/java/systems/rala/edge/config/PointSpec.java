package systems.rala.edge.config;

import java.time.Duration;

/**
 * One point of a site's point map: a reading the gateway polls or a command it writes, where it lives on which
 * device, how its raw value is encoded and what values are plausible.
 *
 * <p>Engineering value = raw × {@code scale} + {@code offset}, in {@code unit}. A reading outside [{@code min},
 * {@code max}] is garbage (quality BAD, not acted on); a write outside them is clamped to them by the control
 * loop and refused from an operator.
 *
 * @param name the reading or command name, as the controllers and the wire contract use it ({@code
 *     air_temperature}, {@code uRoof})
 * @param unit the unit of the engineering value ({@code °C}, {@code %}, {@code -} for fractions)
 * @param description what it is, for people; may be empty
 * @param device the name of the device (a Modbus TCP server or a BACnet/IP device) it lives on
 * @param access read, write or both
 * @param address the register or object
 * @param type the raw type; {@link DataType#BOOL} for coils, discrete inputs and binary objects
 * @param wordOrder byte order of multi-byte raw values on a Modbus device
 * @param scale engineering units per raw unit, non-zero
 * @param offset engineering value at raw 0
 * @param min lowest plausible (reading) or allowed (command) engineering value
 * @param max highest plausible or allowed engineering value
 * @param telemetry whether the reading is sent to the service
 * @param staleAfter a reading whose raw value has not changed for this long is stale (a frozen sensor), or
 *     null for never
 * @param startup the value written at start-up, before the first tick, for writable points (within [min, max])
 */
public record PointSpec(
        String name,
        String unit,
        String description,
        String device,
        Access access,
        BusAddress address,
        DataType type,
        WordOrder wordOrder,
        double scale,
        double offset,
        double min,
        double max,
        boolean telemetry,
        Duration staleAfter,
        double startup) {

    /** The engineering value of raw value {@code raw}. */
    public double toEngineering(double raw) {
        return raw * scale + offset;
    }

    /** The raw value of engineering value {@code value} (not rounded). */
    public double toRaw(double value) {
        return (value - offset) / scale;
    }

    /** Whether {@code value} is a plausible engineering value: finite and within [min, max]. */
    public boolean plausible(double value) {
        return value >= min && value <= max;
    }

    /** Reads one point object of a point map. */
    static PointSpec read(JsonFields f) {
        String name = f.string("name");
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,127}")) {
            throw f.fail(
                    "name",
                    "'" + name + "' is not a point name (1-128 of A-Z a-z 0-9 . _ -, starting with"
                            + " a letter or digit)");
        }
        String unit = f.string("unit");
        String description = f.string("description", "");
        String device = f.string("device");
        Access access = f.choice("access", Access.class);
        BusAddress address;
        boolean modbus = f.has("modbus");
        boolean bacnet = f.has("bacnet");
        if (modbus == bacnet) {
            f.objectOrNull("modbus");
            f.objectOrNull("bacnet");
            throw f.fail(
                    "modbus",
                    modbus
                            ? "a point has a modbus or a bacnet address, not both"
                            : "is missing: a point needs a modbus or a bacnet address");
        }
        DataType type;
        if (modbus) {
            JsonFields m = f.object("modbus");
            BusAddress.ModbusTable table = m.choice("table", BusAddress.ModbusTable.class);
            int register = (int) m.integer("register", 0, 65_535);
            int unitId = (int) m.integer("unitId", 0, 255, -1);
            m.done();
            f.string("bacnet", null);
            address = new BusAddress.Modbus(table, register, unitId);
            if (table.bits()) {
                type = f.choice("type", DataType.class, DataType.BOOL);
                if (type != DataType.BOOL) {
                    throw f.fail(
                            "type",
                            "'" + type.name().toLowerCase() + "' on a "
                                    + table.name().toLowerCase() + " table: bits are type bool");
                }
            } else {
                type = f.choice("type", DataType.class);
                if (type == DataType.BOOL) {
                    throw f.fail("type", "'bool' on a register table: use a coil or discrete input, or uint16");
                }
                if (register + type.registers() - 1 > 65_535) {
                    throw f.fail(
                            "modbus", "register " + register + " + " + type.registers() + " registers passes 65535");
                }
            }
            if (access.writable() && !table.writable()) {
                throw f.fail(
                        "access",
                        "'" + access.name().toLowerCase() + "' on the read-only "
                                + table.name().toLowerCase() + " table");
            }
        } else {
            JsonFields b = f.object("bacnet");
            BusAddress.BacnetObject object = b.choice("object", BusAddress.BacnetObject.class);
            int instance = (int) b.integer("instance", 0, 4_194_302);
            b.done();
            f.string("modbus", null);
            address = new BusAddress.Bacnet(object, instance);
            DataType natural = object.binary() ? DataType.BOOL : DataType.FLOAT32;
            type = f.choice("type", DataType.class, natural);
            if (type != natural) {
                throw f.fail(
                        "type",
                        "a BACnet " + object.name().toLowerCase() + " carries "
                                + natural.name().toLowerCase());
            }
            if (access.writable()
                    && (object == BusAddress.BacnetObject.ANALOG_INPUT
                            || object == BusAddress.BacnetObject.BINARY_INPUT)) {
                throw f.fail("access", "'" + access.name().toLowerCase() + "' on an input object, which is read-only");
            }
        }
        WordOrder order = f.choice("wordOrder", WordOrder.class, WordOrder.ABCD);
        double scale = f.number("scale", 1);
        if (scale == 0) {
            throw f.fail("scale", "0 makes every raw value the same engineering value");
        }
        double offset = f.number("offset", 0);
        double min = f.number("min");
        double max = f.number("max");
        if (!(min < max)) {
            throw f.fail("max", max + " is not above min " + min);
        }
        boolean telemetry = f.bool("telemetry", access.readable());
        if (telemetry && !access.readable()) {
            throw f.fail("telemetry", "true on a point the gateway does not read");
        }
        Duration staleAfter = f.duration("staleAfter", Duration.ofSeconds(1), Duration.ofDays(30), null);
        double startup = Double.NaN;
        if (access.writable()) {
            startup = f.number("startup", min, max, min);
        } else if (f.has("startup")) {
            throw f.fail("startup", "given on a point the gateway does not write");
        } else {
            f.string("startup", null);
        }
        f.done();
        // the engineering range must be representable: otherwise plausible readings could never be encoded
        double rawA = (min - offset) / scale;
        double rawB = (max - offset) / scale;
        if (Math.min(rawA, rawB) < type.rawMin() - 0.5 || Math.max(rawA, rawB) > type.rawMax() + 0.5) {
            throw new ConfigException(f.file() + ": " + f.pathOf("min") + ": [" + min + ", " + max + "] " + unit
                    + " needs raw values " + Math.min(rawA, rawB) + " to " + Math.max(rawA, rawB) + ", outside "
                    + type.name().toLowerCase() + "'s [" + type.rawMin() + ", " + type.rawMax() + "] at scale "
                    + scale + " and offset " + offset);
        }
        return new PointSpec(
                name,
                unit,
                description,
                device,
                access,
                address,
                type,
                order,
                scale,
                offset,
                min,
                max,
                telemetry,
                staleAfter,
                startup);
    }
}
