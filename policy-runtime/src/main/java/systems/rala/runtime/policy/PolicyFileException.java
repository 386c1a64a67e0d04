package systems.rala.runtime.policy;

import java.io.IOException;

/**
 * A policy file was read but cannot be used: its content hash does not match, its manifest is missing or
 * malformed, its graph's input or output is not what the manifest describes, or ONNX Runtime rejects it.
 * The message names the file and what is wrong.
 */
public class PolicyFileException extends IOException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, with the file's name */
    public PolicyFileException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong, with the file's name
     * @param cause the underlying failure
     */
    public PolicyFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
