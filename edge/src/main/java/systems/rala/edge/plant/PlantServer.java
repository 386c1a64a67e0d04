package systems.rala.edge.plant;

/** A device of the virtual plant, serving its points on a field bus. */
public interface PlantServer extends AutoCloseable {

    /** The device's name in the point map. */
    String device();

    /** The port it listens on. */
    int port();

    /** Stops serving and frees the port. */
    @Override
    void close();
}
