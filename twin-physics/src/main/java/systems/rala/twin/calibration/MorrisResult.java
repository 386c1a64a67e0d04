package systems.rala.twin.calibration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of a {@link MorrisScreening}: per output, per parameter the elementary-effect statistics, and
 * the parameters ranked by importance. Plain records of names, numbers and lists, so a JSON mapper (Jackson)
 * writes them as they are; {@link #toJson()} does it without one, {@link #toMarkdown()} (also {@link
 * #toString()}) gives one table per output.
 *
 * @param design the design evaluated
 * @param levels grid levels p
 * @param trajectories groups r
 * @param seed seed of the design
 * @param evaluations model runs, r(k + 1)
 * @param parameters the screened parameters and their ranges
 * @param outputs one entry per output, in the objective's order
 */
public record MorrisResult(
        MorrisScreening.Design design,
        int levels,
        int trajectories,
        long seed,
        int evaluations,
        List<ParameterRange> parameters,
        List<OutputEffects> outputs) {

    public MorrisResult {
        parameters = List.copyOf(parameters);
        outputs = List.copyOf(outputs);
    }

    /**
     * The effects of every parameter on one output.
     *
     * @param output the output's name
     * @param scale s, the sample standard deviation of the output over all evaluations of the design (its
     *     unit); 0 if no parameter changed it
     * @param effects one entry per screened parameter, in screening order
     */
    public record OutputEffects(String output, double scale, List<ParameterEffect> effects) {

        public OutputEffects {
            effects = List.copyOf(effects);
        }

        /** The effect of {@code parameter}; an error naming the screened parameters if it was not screened. */
        public ParameterEffect effect(String parameter) {
            for (ParameterEffect e : effects) {
                if (e.parameter().equals(parameter)) {
                    return e;
                }
            }
            throw new IllegalArgumentException("parameter '" + parameter + "' was not screened; screened: "
                    + effects.stream().map(ParameterEffect::parameter).toList());
        }

        /** The effects by decreasing μ* (ties keep the screening order). */
        public List<ParameterEffect> ranking() {
            List<ParameterEffect> r = new ArrayList<>(effects);
            r.sort(Comparator.comparingDouble(ParameterEffect::muStar).reversed());
            return List.copyOf(r);
        }

        /** The parameters' names by decreasing μ*. */
        public List<String> rankedParameters() {
            return ranking().stream().map(ParameterEffect::parameter).toList();
        }
    }

    /**
     * The elementary effects of one parameter on one output, in the output's unit per full range of the
     * parameter.
     *
     * @param parameter the parameter's name
     * @param mu μ, the mean effect (signed)
     * @param muStar μ*, the mean absolute effect: the importance
     * @param sigma σ, the standard deviation of the effects (divisor r − 1): interaction or non-linearity
     * @param muStarStandardError standard error of μ*, sd(|EE|)/√r
     * @param muStarScaled μ* / s, comparable between outputs; 0 when s is 0
     * @param elementaryEffects the r effects, one per group in design order
     */
    public record ParameterEffect(
            String parameter,
            double mu,
            double muStar,
            double sigma,
            double muStarStandardError,
            double muStarScaled,
            List<Double> elementaryEffects) {

        public ParameterEffect {
            elementaryEffects = List.copyOf(elementaryEffects);
        }
    }

    /** The effects on output {@code name}; an error naming the outputs if there is none. */
    public OutputEffects output(String name) {
        for (OutputEffects o : outputs) {
            if (o.output().equals(name)) {
                return o;
            }
        }
        throw new IllegalArgumentException("no output '" + name + "'; outputs: "
                + outputs.stream().map(OutputEffects::output).toList());
    }

    /**
     * The parameters ranked by their largest scaled μ* over all outputs: the order in which they matter to
     * anything measured, the candidates of a calibration first.
     */
    public List<String> overallRanking() {
        List<String> names = new ArrayList<>();
        List<Double> score = new ArrayList<>();
        for (ParameterRange p : parameters) {
            double best = 0;
            for (OutputEffects o : outputs) {
                best = Math.max(best, o.effect(p.name()).muStarScaled());
            }
            names.add(p.name());
            score.add(best);
        }
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            idx.add(i);
        }
        idx.sort(Comparator.comparingDouble((Integer i) -> score.get(i)).reversed());
        return idx.stream().map(names::get).toList();
    }

    /** One Markdown table per output, parameters ranked by μ*. */
    public String toMarkdown() {
        StringBuilder s = new StringBuilder();
        s.append("Morris screening: ")
                .append(design.name().toLowerCase(Locale.ROOT))
                .append(" design, ")
                .append(trajectories)
                .append(" groups, ")
                .append(levels)
                .append(" levels, seed ")
                .append(seed)
                .append(", ")
                .append(evaluations)
                .append(" evaluations\n\n| parameter | low | high |\n|---|---|---|\n");
        for (ParameterRange p : parameters) {
            s.append("| ")
                    .append(p.name())
                    .append(" | ")
                    .append(number(p.low()))
                    .append(" | ")
                    .append(number(p.high()))
                    .append(" |\n");
        }
        for (OutputEffects o : outputs) {
            s.append("\n### ")
                    .append(o.output())
                    .append(" (s = ")
                    .append(number(o.scale()))
                    .append(")\n\n| rank | parameter | μ* | ± | μ | σ | μ*/s |\n|---|---|---|---|---|---|---|\n");
            int rank = 1;
            for (ParameterEffect e : o.ranking()) {
                s.append("| ")
                        .append(rank++)
                        .append(" | ")
                        .append(e.parameter())
                        .append(" | ")
                        .append(number(e.muStar()))
                        .append(" | ")
                        .append(number(e.muStarStandardError()))
                        .append(" | ")
                        .append(number(e.mu()))
                        .append(" | ")
                        .append(number(e.sigma()))
                        .append(" | ")
                        .append(number(e.muStarScaled()))
                        .append(" |\n");
            }
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return toMarkdown();
    }

    /** The result as JSON: the record components under their names; a non-finite number is null. */
    public String toJson() {
        StringBuilder s = new StringBuilder();
        s.append("{\"design\":\"").append(design.name()).append('"');
        s.append(",\"levels\":").append(levels);
        s.append(",\"trajectories\":").append(trajectories);
        s.append(",\"seed\":").append(seed);
        s.append(",\"evaluations\":").append(evaluations);
        s.append(",\"parameters\":[");
        for (int i = 0; i < parameters.size(); i++) {
            ParameterRange p = parameters.get(i);
            s.append(i > 0 ? "," : "").append("{\"name\":");
            string(s, p.name());
            s.append(",\"low\":")
                    .append(json(p.low()))
                    .append(",\"high\":")
                    .append(json(p.high()))
                    .append('}');
        }
        s.append("],\"outputs\":[");
        for (int o = 0; o < outputs.size(); o++) {
            OutputEffects out = outputs.get(o);
            s.append(o > 0 ? "," : "").append("{\"output\":");
            string(s, out.output());
            s.append(",\"scale\":").append(json(out.scale())).append(",\"effects\":[");
            for (int i = 0; i < out.effects().size(); i++) {
                ParameterEffect e = out.effects().get(i);
                s.append(i > 0 ? "," : "").append("{\"parameter\":");
                string(s, e.parameter());
                s.append(",\"mu\":").append(json(e.mu()));
                s.append(",\"muStar\":").append(json(e.muStar()));
                s.append(",\"sigma\":").append(json(e.sigma()));
                s.append(",\"muStarStandardError\":").append(json(e.muStarStandardError()));
                s.append(",\"muStarScaled\":").append(json(e.muStarScaled()));
                s.append(",\"elementaryEffects\":[");
                for (int j = 0; j < e.elementaryEffects().size(); j++) {
                    s.append(j > 0 ? "," : "").append(json(e.elementaryEffects().get(j)));
                }
                s.append("]}");
            }
            s.append("]}");
        }
        return s.append("]}").toString();
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    private static String json(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "null";
    }

    private static void string(StringBuilder s, String v) {
        s.append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        s.append('"');
    }
}
