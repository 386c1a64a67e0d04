package systems.rala.service.ingest;

/** Why ingestion refused a message or a reading in it; the code kept with its dead letter. */
public enum Rejection {
    /** Not a valid payload of the topic's kind: bad JSON, wrong types, unsupported schema, too large. */
    MALFORMED,
    /** The topic names a gateway that is not registered. */
    UNKNOWN_GATEWAY,
    /** The topic names a facility the gateway does not belong to. */
    WRONG_FACILITY,
    /** A reading of a point the gateway has no sensor for. */
    UNKNOWN_POINT,
    /** A reading in a unit other than its sensor's. */
    WRONG_UNIT,
    /** A reading outside its sensor's physical range. */
    OUT_OF_RANGE
}
