package systems.rala.edge.queue;

/** A record was refused because the queue is full and its overflow policy keeps what it has. */
public final class QueueFullException extends Exception {

    private static final long serialVersionUID = 1L;

    public QueueFullException(String message) {
        super(message);
    }
}
