package systems.rala.train.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code rala plant}: listed here so that {@code rala --help} shows it; the launcher runs the edge module
 * itself, without this JVM.
 */
@Command(
        name = "plant",
        description = {
            "Run the virtual plant: the tomato twin behind Modbus TCP and BACnet/IP.",
            "Real time or accelerated (--speed N), on 127.0.0.1, with the site's point map.",
            "--config FILE (see edge/README.md). Started by the ./rala launcher."
        },
        mixinStandardHelpOptions = true)
final class PlantCommand implements Callable<Integer> {

    @Parameters(paramLabel = "OPTIONS", description = "Passed to the plant, e.g. --config FILE.")
    List<String> options;

    @Override
    public Integer call() {
        throw new IllegalArgumentException(
                "the plant runs through the launcher: ./rala plant --config FILE (see edge/README.md)");
    }
}
