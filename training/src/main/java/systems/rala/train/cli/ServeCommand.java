package systems.rala.train.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code rala serve}: listed here so that {@code rala --help} shows it; the launcher starts the service
 * (module {@code service}, Spring Boot) itself, without this JVM.
 */
@Command(
        name = "serve",
        description = {
            "Run the RALA service: REST API /api/v1, MQTT ingestion, live updates, controls, alerts.",
            "Embedded H2 and MQTT broker on 127.0.0.1 by default; --spring.profiles.active=production uses",
            "PostgreSQL, an external broker and InfluxDB (see service/README.md). Started by the ./rala launcher."
        },
        mixinStandardHelpOptions = true)
final class ServeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SPRING OPTIONS", description = "Passed to Spring Boot, e.g. --server.port=9090.")
    List<String> options;

    @Override
    public Integer call() {
        throw new IllegalArgumentException(
                "the service runs through the launcher: ./rala serve [SPRING OPTIONS] (see service/README.md)");
    }
}
