package systems.rala.env.wrappers;

import java.util.ArrayList;
import java.util.List;
import systems.rala.env.core.BoxSpace;
import systems.rala.env.core.Env;
import systems.rala.env.core.Space;

/** Helpers shared by the wrappers: requiring box spaces and deriving boxes from them. */
final class Boxes {

    private Boxes() {}

    /** The action space of {@code env} as a box; an error naming the wrapper otherwise. */
    static BoxSpace actionBox(Env env, String wrapper) {
        Space s = env.actionSpace();
        if (s instanceof BoxSpace b) {
            return b;
        }
        throw new IllegalArgumentException(wrapper + " needs a box action space; " + env.id() + " has " + s);
    }

    /** A box with the names of {@code box}'s components, unit "-", bounds [lo, hi]. */
    static BoxSpace dimensionless(BoxSpace box, double lo, double hi, String descriptionPrefix) {
        List<BoxSpace.Component> cs = new ArrayList<>();
        for (BoxSpace.Component c : box.components()) {
            cs.add(new BoxSpace.Component(c.name(), "-", descriptionPrefix + c.description(), lo, hi));
        }
        return new BoxSpace(cs);
    }

    /** An error if {@code v} has not {@code n} values. */
    static void requireLength(String wrapper, String what, double[] v, int n) {
        if (v.length != n) {
            throw new IllegalArgumentException(
                    wrapper + ": " + what + " has " + v.length + " values, the space has " + n + " components");
        }
    }
}
