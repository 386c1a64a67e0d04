package systems.rala.service.inventory;

/** What an actuator does to the climate. */
public enum EquipmentKind {
    /** boiler, heat pump or pipe-rail valve */
    HEATING,
    /** roof or side vents */
    VENTILATION,
    /** thermal, shade or blackout screen */
    SCREEN,
    /** CO2 dosing valve */
    CO2_DOSING,
    /** assimilation or inter-lighting */
    LIGHTING,
    /** high-pressure fogging */
    FOGGING,
    /** pad-and-fan or mechanical cooling */
    COOLING
}
