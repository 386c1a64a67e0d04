package systems.rala.runtime.policy;

/** A policy a control tick ({@code systems.rala.runtime.tick.ControlTick}) can run: an exported ONNX policy ({@code OnnxPolicy}) or a test double. */
public interface DecisionPolicy {

    /** What it reads and writes. */
    PolicyManifest manifest();

    /** Writes the action for {@code observation} (manifest order and units) into {@code action}. */
    void act(double[] observation, double[] action);
}
