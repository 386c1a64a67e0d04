package systems.rala.train.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code rala} command line: the front door to simulation, training and the tools around them. Run it
 * through the {@code ./rala} launcher at the repository root, which builds what is missing first.
 *
 * <p>Exit status: 0 on success, 2 for a usage error or bad input (the message names the culprit), 1 for an
 * unexpected failure (with a stack trace).
 */
@Command(
        name = "rala",
        mixinStandardHelpOptions = true,
        versionProvider = RalaCli.Version.class,
        description = "RALA: greenhouse climate control by reinforcement learning on a physics digital twin.",
        subcommands = {
            WeatherCommand.class,
            SimulateCommand.class,
            ValidateCommand.class,
            EvalCommand.class,
            DemoCommand.class,
            CalibrateCommand.class,
            ServeCommand.class,
            EdgeCommand.class,
            PlantCommand.class,
            TrainCommand.class,
            ExportCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {"", "Run 'rala COMMAND --help' for a command's options."})
public final class RalaCli implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Entry point; exits the JVM with the command's status. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI with {@code args} and returns the exit status (for tests). */
    public static int run(String... args) {
        offline();
        CommandLine cl = commandLine();
        return cl.execute(args);
    }

    /** The configured picocli command line, with RALA's error handling. */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new RalaCli());
        cl.setExecutionExceptionHandler((ex, line, parseResult) -> {
            if (ex instanceof IllegalArgumentException || ex instanceof UncheckedIOException) {
                PrintWriter err = line.getErr();
                err.println("rala: " + ex.getMessage());
                err.flush();
                return 2;
            }
            throw ex;
        });
        return cl;
    }

    /**
     * Deep Java Library calls a cloud metadata address on first engine use unless told it is offline; RALA
     * never needs the network.
     */
    static void offline() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Version and git commit: the version from the build, the commit from the launcher. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties p = new Properties();
            try (InputStream in = RalaCli.class.getResourceAsStream("/rala-version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String commit = System.getProperty("rala.git.commit", "unknown");
            return new String[] {
                "rala " + p.getProperty("rala.version", "unknown") + " (commit " + commit + ")",
                "Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name") + " "
                        + System.getProperty("os.arch")
            };
        }
    }
}
