package systems.rala.runtime.wire;

/**
 * A payload was written with a schema version newer than this build reads. Receivers tell it apart from
 * other malformed payloads because it is not the sender's fault: this side needs an upgrade. A gateway
 * keeps such a command unacknowledged rather than guess at it; the service counts it per gateway.
 */
public final class UnsupportedSchemaVersionException extends WireFormatException {

    private static final long serialVersionUID = 1L;

    private final long version;

    /**
     * @param payloadType the payload type as written on the wire, or {@code wire} when not known
     * @param version the version the payload declares
     */
    public UnsupportedSchemaVersionException(String payloadType, long version) {
        super(
                payloadType,
                null,
                "unsupported schema version " + version + " (this build reads " + WireCodec.readableVersions() + ")");
        this.version = version;
    }

    /** The version the payload declares. */
    public long version() {
        return version;
    }
}
