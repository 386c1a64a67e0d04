package systems.rala.edge.config;

import java.util.Locale;

/** Where a point lives on its device: a Modbus register or bit, or a BACnet object. */
public sealed interface BusAddress {

    /** The protocol this address belongs to. */
    Protocol protocol();

    /** Which Modbus table a point is in. */
    enum ModbusTable {
        /** Read/write 16-bit registers (function codes 3, 6, 16). */
        HOLDING,
        /** Read-only 16-bit registers (function code 4). */
        INPUT,
        /** Read/write bits (function codes 1, 5). */
        COIL,
        /** Read-only bits (function code 2). */
        DISCRETE;

        /** Whether values are single bits. */
        public boolean bits() {
            return this == COIL || this == DISCRETE;
        }

        /** Whether a master may write it. */
        public boolean writable() {
            return this == HOLDING || this == COIL;
        }
    }

    /**
     * A Modbus point.
     *
     * @param table the table
     * @param register the protocol address of the first register or bit, 0–65,535 (0-based: the "40001" of
     *     Modicon's numbering is holding register 0)
     * @param unitId the Modbus unit (slave) id, 0–255, or -1 for the device's
     */
    record Modbus(ModbusTable table, int register, int unitId) implements BusAddress {
        @Override
        public Protocol protocol() {
            return Protocol.MODBUS_TCP;
        }

        @Override
        public String toString() {
            return table.name().toLowerCase(Locale.ROOT) + " " + register + (unitId >= 0 ? " unit " + unitId : "");
        }
    }

    /** The BACnet object types the gateway reads and writes (their present value). */
    enum BacnetObject {
        ANALOG_INPUT,
        ANALOG_OUTPUT,
        ANALOG_VALUE,
        BINARY_INPUT,
        BINARY_OUTPUT,
        BINARY_VALUE;

        /** Whether the present value is a BinaryPV (active/inactive) rather than a REAL. */
        public boolean binary() {
            return name().startsWith("BINARY");
        }
    }

    /**
     * A BACnet object's present value.
     *
     * @param object the object type
     * @param instance the object instance, 0–4,194,302
     */
    record Bacnet(BacnetObject object, int instance) implements BusAddress {
        @Override
        public Protocol protocol() {
            return Protocol.BACNET_IP;
        }

        @Override
        public String toString() {
            return object.name().toLowerCase(Locale.ROOT) + " " + instance;
        }
    }
}
