package systems.rala.edge.config;

/**
 * A configuration file the gateway or the virtual plant cannot run with: names the file, the field (as a JSON
 * path, e.g. {@code points[3].scale}), the value and what is allowed.
 */
public final class ConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** An error whose message already names the file and the field. */
    public ConfigException(String message) {
        super(message);
    }

    /** An error caused by {@code cause} (an unreadable file, malformed JSON). */
    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
