package systems.rala.service.policy;

import java.util.List;
import systems.rala.runtime.control.Point;
import systems.rala.runtime.policy.PolicyManifest;

/**
 * What the API shows of a policy's manifest (the policy runtime's {@link PolicyManifest}): what the policy
 * reads and writes, in order, with units and bounds, and where it came from.
 *
 * @param contentHash the manifest's own content hash (SHA-256 of the file written with this field empty,
 *     which the runtime verifies), not the file's SHA-256
 */
public record ManifestView(
        int version,
        String envId,
        String envOptions,
        List<PointView> observations,
        List<PointView> actions,
        String normalization,
        String runId,
        long seed,
        String gitCommit,
        String contentHash) {

    /** One observation or action: name, unit, and bounds in that unit. */
    public record PointView(String name, String unit, double low, double high) {
        static PointView of(Point p) {
            return new PointView(p.name(), p.unit(), p.min(), p.max());
        }
    }

    static ManifestView of(PolicyManifest m) {
        return new ManifestView(
                m.version(),
                m.envId(),
                m.envOptions(),
                m.observations().stream().map(PointView::of).toList(),
                m.actions().stream().map(PointView::of).toList(),
                m.normalization(),
                m.runId(),
                m.seed(),
                m.gitCommit(),
                m.contentHash());
    }
}
