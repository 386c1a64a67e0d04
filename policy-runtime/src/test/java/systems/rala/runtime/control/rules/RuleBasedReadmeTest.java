package systems.rala.runtime.control.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The set-points table of {@code policy-runtime/README.md} tells the truth: every setting, its default, its range. */
class RuleBasedReadmeTest {

    private static final Pattern ROW = Pattern.compile("^\\| `(\\w+)` \\| ([^|]+) \\| [^|]+ \\| ([^|]+) \\|");
    private static final Pattern RANGE = Pattern.compile("([\\[(])(-?[\\d.]+), (-?[\\d.]+)([\\])])");

    record Row(String name, String defaultValue, String allowed) {}

    private static List<Row> setPointRows() throws IOException {
        // surefire runs in the module folder
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        String section = readme.substring(readme.indexOf("### Set-points"));
        section = section.substring(0, section.indexOf("\n### ", 1));
        List<Row> rows = new ArrayList<>();
        for (String line : section.split("\n")) {
            Matcher m = ROW.matcher(line);
            if (m.find()) {
                rows.add(new Row(m.group(1), m.group(2).trim(), m.group(3).trim()));
            }
        }
        return rows;
    }

    private static List<String> settingNames() {
        return Arrays.stream(RuleBasedSettings.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .filter(m -> m.getParameterCount() == 0)
                .filter(m -> m.getReturnType() == double.class || m.getReturnType() == boolean.class)
                .map(Method::getName)
                .toList();
    }

    @Test
    void everySettingIsListedOnceWithItsDefault() throws Exception {
        List<Row> rows = setPointRows();
        assertThat(rows).extracting(Row::name).containsExactlyInAnyOrderElementsOf(settingNames());
        RuleBasedSettings k21 = RuleBasedSettings.katzin2021();
        for (Row row : rows) {
            Object value = RuleBasedSettings.class.getMethod(row.name()).invoke(k21);
            if (value instanceof Boolean) {
                assertThat(row.defaultValue()).as(row.name()).isEqualTo(value.toString());
            } else {
                assertThat(Double.parseDouble(row.defaultValue()))
                        .as(row.name())
                        .isEqualTo((Double) value);
            }
        }
    }

    @Test
    void everyAllowedRangeIsTheOneBuildChecks() throws Exception {
        for (Row row : setPointRows()) {
            if (row.allowed().equals("true, false")) {
                continue;
            }
            Matcher m = RANGE.matcher(row.allowed());
            assertThat(m.matches())
                    .as("range of %s: %s", row.name(), row.allowed())
                    .isTrue();
            double lo = Double.parseDouble(m.group(2));
            double hi = Double.parseDouble(m.group(3));
            boolean loClosed = m.group(1).equals("[");
            boolean hiClosed = m.group(4).equals("]");
            double eps = 1e-9 * Math.max(1.0, hi - lo);
            checkBuild(row.name(), lo, loClosed);
            checkBuild(row.name(), hi, hiClosed);
            checkBuild(row.name(), lo - eps, false);
            checkBuild(row.name(), hi + eps, false);
            checkBuild(row.name(), loClosed ? lo + eps : 0.5 * (lo + hi), true);
        }
    }

    private static void checkBuild(String name, double value, boolean accepted) throws Exception {
        Method set = RuleBasedSettings.Builder.class.getMethod(name, double.class);
        RuleBasedSettings.Builder b = RuleBasedSettings.builder();
        try {
            set.invoke(b, value);
        } catch (InvocationTargetException e) {
            throw new AssertionError(e.getCause());
        }
        if (accepted) {
            assertThatCode(b::build).as("%s = %s", name, value).doesNotThrowAnyException();
        } else {
            assertThatIllegalArgumentException()
                    .as("%s = %s", name, value)
                    .isThrownBy(b::build)
                    .withMessageContaining(name);
        }
    }
}
