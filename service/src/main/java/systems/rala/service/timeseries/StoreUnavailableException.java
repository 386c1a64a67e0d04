package systems.rala.service.timeseries;

/** The time-series store could not take or answer a request; the caller keeps its data and tries again later. */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
