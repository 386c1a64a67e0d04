package systems.rala.train.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code rala edge}: listed here so that {@code rala --help} shows it; the launcher runs the edge module
 * itself, without this JVM.
 */
@Command(
        name = "edge",
        description = {
            "Run the edge gateway next to the site's PLCs.",
            "Reads them over Modbus TCP and BACnet/IP, runs the control tick (policy or rule-based fall-back,",
            "safety layer), writes the outputs and talks MQTT to the service with store-and-forward.",
            "--config FILE (see edge/README.md). Started by the ./rala launcher."
        },
        mixinStandardHelpOptions = true)
final class EdgeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "OPTIONS", description = "Passed to the edge, e.g. --config FILE.")
    List<String> options;

    @Override
    public Integer call() {
        throw new IllegalArgumentException(
                "the edge runs through the launcher: ./rala edge --config FILE (see edge/README.md)");
    }
}
