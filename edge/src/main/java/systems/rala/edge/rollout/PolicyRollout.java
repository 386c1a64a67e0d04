package systems.rala.edge.rollout;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import systems.rala.edge.config.GatewayConfig;
import systems.rala.edge.config.PointMap;
import systems.rala.edge.config.PointSpec;
import systems.rala.edge.loop.ControlLoop;
import systems.rala.runtime.observation.ObservationAssembler;
import systems.rala.runtime.observation.ReadingStore;
import systems.rala.runtime.policy.OnnxPolicy;
import systems.rala.runtime.policy.PolicyFile;
import systems.rala.runtime.policy.PolicyFileException;
import systems.rala.runtime.policy.PolicyManifest;
import systems.rala.runtime.tick.PolicyActuation;
import systems.rala.runtime.wire.GatewayEvent;
import systems.rala.runtime.wire.PolicyAnnouncement;

/**
 * Puts announced policies into service. For each {@link PolicyAnnouncement} (retained on the gateway's {@code
 * policy} topic, so also on every connect), on its own thread:
 *
 * <ol>
 *   <li>nothing to do if the announced content hash is the acting policy's; a switch back if it is the previous
 *       version's (kept for rollback, no fetch);
 *   <li>fetch the file ({@link PolicyFetcher}), check its size against {@code sizeBytes} and its content hash, as
 *       {@link PolicyFile#contentHash} defines it, against {@code contentHash};
 *   <li>load it ({@link OnnxPolicy#load}, which checks the hash again and the manifest) and check its manifest
 *       against the point map: every observation must be a point of the map (in a unit that converts), the clock,
 *       the previous action or derived from points, and its actions one of the forms {@link PolicyActuation} knows;
 *   <li>swap it in on the control loop's thread, between ticks; the acting policy becomes the previous one.
 * </ol>
 *
 * Each outcome is a {@code policy_loaded}, {@code policy_rolled_back}, {@code policy_unchanged} or {@code
 * policy_rejected} event, and the next state carries the acting version. Files are kept under {@code
 * <data>/policies/<content hash>.onnx}; {@code active.properties} names the acting and previous versions, so a
 * restart continues with them.
 */
public final class PolicyRollout implements AutoCloseable {

    private static final Logger LOG = System.getLogger(PolicyRollout.class.getName());

    private final GatewayConfig config;
    private final ControlLoop loop;
    private final PolicyFetcher fetcher;
    private final Path dir;
    private final ExecutorService worker;
    private volatile String activeHash;
    private volatile String previousHash;

    public PolicyRollout(GatewayConfig config, ControlLoop loop, PolicyFetcher fetcher) {
        this.config = config;
        this.loop = loop;
        this.fetcher = fetcher;
        this.dir = config.store().dir().resolve("policies");
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "policy-rollout");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Loads the policy the gateway acted with before it stopped (and the one before it, for rollback), or else the
     * configured start-up policy. A file that fails its checks is reported and skipped: the rule-based controller
     * acts.
     */
    public void loadAtStart() {
        Properties active = readActive();
        if (active != null) {
            String prevFile = active.getProperty("previous.file");
            boolean previous =
                    prevFile != null && load(dir.resolve(prevFile), active.getProperty("previous.version"), false);
            boolean acting =
                    load(dir.resolve(active.getProperty("active.file")), active.getProperty("active.version"), true);
            if (acting || previous) {
                return; // with the acting version damaged, the previous one acts: a rollback, reported above
            }
        }
        Path start = config.control().policy();
        if (start != null) {
            load(start, config.control().policyVersion(), true);
        }
    }

    private boolean load(Path file, String version, boolean report) {
        try {
            OnnxPolicy p = OnnxPolicy.load(file);
            check(p.manifest(), config.points());
            loop.swapPolicy(p, version);
            previousHash = activeHash;
            activeHash = p.manifest().contentHash();
            if (report) {
                loop.event(
                        GatewayEvent.Severity.INFO,
                        "policy_loaded",
                        "policy " + version + " (" + abbreviate(activeHash) + ") loaded at start-up",
                        null);
            }
            return true;
        } catch (IOException | IllegalArgumentException e) {
            loop.event(
                    GatewayEvent.Severity.ALARM,
                    "policy_rejected",
                    "policy " + version + " from " + file + " not loaded at start-up: " + e.getMessage()
                            + "; the rule-based controller acts",
                    null);
            return false;
        }
    }

    /** Handles an announcement on the rollout's thread; returns when it is queued. */
    public Future<?> announce(PolicyAnnouncement a) {
        return worker.submit(() -> handle(a));
    }

    private void handle(PolicyAnnouncement a) {
        String version = a.policyVersion();
        if (a.contentHash().equals(activeHash)) {
            loop.event(
                    GatewayEvent.Severity.INFO, "policy_unchanged", "policy " + version + " is already acting", null);
            loop.publishState();
            return;
        }
        if (a.contentHash().equals(previousHash)) {
            String back = loop.call(loop::rollback);
            if (back != null) {
                String h = previousHash;
                previousHash = activeHash;
                activeHash = h;
                saveActive();
                loop.event(
                        GatewayEvent.Severity.INFO,
                        "policy_rolled_back",
                        "back to policy " + back + " (" + abbreviate(h) + "), the version before",
                        null);
                loop.publishState();
                return;
            }
        }
        try {
            byte[] bytes =
                    fetcher.fetch(a.location(), Math.min(config.policyFetch().maxBytes(), a.sizeBytes()));
            if (bytes.length != a.sizeBytes()) {
                throw new PolicyFileException(
                        "the file has " + bytes.length + " bytes, the announcement says " + a.sizeBytes());
            }
            String hash = PolicyFile.contentHash(bytes);
            if (!hash.equals(a.contentHash())) {
                throw new PolicyFileException("the file's content hash is " + hash + ", the announcement says "
                        + a.contentHash() + ": damaged or not the announced version");
            }
            Files.createDirectories(dir);
            Path file = dir.resolve(hash + ".onnx");
            Path tmp = dir.resolve(hash + ".onnx.tmp");
            Files.write(tmp, bytes);
            move(tmp, file);
            OnnxPolicy p = OnnxPolicy.load(file);
            try {
                check(p.manifest(), config.points());
                loop.call(() -> {
                    loop.swapPolicy(p, version);
                    return null;
                });
            } catch (RuntimeException e) {
                p.close();
                throw e;
            }
            previousHash = activeHash;
            activeHash = hash;
            saveActive();
            String prev = loop.previousPolicyVersion();
            loop.event(
                    GatewayEvent.Severity.INFO,
                    "policy_loaded",
                    "policy " + version + " (" + abbreviate(hash) + ") acts from the next tick"
                            + (prev == null ? "" : "; " + prev + " is kept for rollback"),
                    null);
            loop.publishState();
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(Level.WARNING, "policy " + version + " rejected: " + e.getMessage());
            loop.event(
                    GatewayEvent.Severity.WARNING,
                    "policy_rejected",
                    "policy " + version + " from " + a.location()
                            + " rejected: " + e.getMessage() + "; "
                            + (loop.policyVersion() == null
                                    ? "the rule-based controller acts"
                                    : "policy " + loop.policyVersion() + " stays"),
                    null);
            loop.publishState();
        }
    }

    /**
     * Checks that the site can feed {@code m}: its observations from the point map's readings (in units that
     * convert), the clock, the previous action or values derived from readings; its actions one of the forms the
     * runtime turns into commands.
     *
     * @throws IllegalArgumentException naming every gap
     */
    public static void check(PolicyManifest m, PointMap points) {
        ReadingStore site = new ReadingStore();
        for (PointSpec p : points.readable()) {
            site.register(p.name(), p.unit());
        }
        ObservationAssembler.builder(m.observations(), site)
                .actions(m.actions())
                .build();
        new PolicyActuation(m.actions());
    }

    /** The acting policy's content hash, or null. */
    public String activeHash() {
        return activeHash;
    }

    /** The previous policy's content hash, or null. */
    public String previousHash() {
        return previousHash;
    }

    private Properties readActive() {
        Path f = dir.resolve("active.properties");
        if (!Files.isRegularFile(f)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(f + " cannot be read: " + e.getMessage(), e);
        }
        return p.getProperty("active.file") == null ? null : p;
    }

    private void saveActive() {
        Properties p = new Properties();
        for (Map.Entry<String, String[]> e : Map.of(
                        "active", new String[] {activeHash, loop.policyVersion()},
                        "previous", new String[] {previousHash, loop.previousPolicyVersion()})
                .entrySet()) {
            String hash = e.getValue()[0];
            String version = e.getValue()[1];
            if (hash != null && version != null && Files.exists(dir.resolve(hash + ".onnx"))) {
                p.setProperty(e.getKey() + ".file", hash + ".onnx");
                p.setProperty(e.getKey() + ".version", version);
            }
        }
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve("active.properties.tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "the acting and previous policy versions");
            }
            move(tmp, dir.resolve("active.properties"));
            removeUnused(List.of(String.valueOf(activeHash), String.valueOf(previousHash)));
        } catch (IOException e) {
            throw new UncheckedIOException("policies " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Deletes policy files that are neither acting nor previous. */
    private void removeUnused(List<String> keep) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String n = f.getFileName().toString();
                if (n.endsWith(".onnx") && !keep.contains(n.substring(0, n.length() - 5))) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String abbreviate(String hash) {
        return hash == null ? "none" : hash.substring(0, Math.min(12, hash.length()));
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
