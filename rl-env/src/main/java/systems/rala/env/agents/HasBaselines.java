package systems.rala.env.agents;

import java.util.List;

/** An environment that offers baseline agents (rule-based, all-off, …) by name. */
public interface HasBaselines {

    /** The baseline named {@code name}; an error listing {@link #baselines()} otherwise. */
    Agent baseline(String name);

    /** Names of the baselines offered. */
    List<String> baselines();
}
