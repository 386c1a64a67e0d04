package systems.rala.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * BACnet4J is GPL-3.0: only {@code systems.rala.edge.bacnet} may refer to it, and the rest of the module reaches
 * it through {@link java.util.ServiceLoader} (DEPENDENCIES.md: keep it in its own driver module).
 */
class GplConfinementTest {

    @Test
    void onlyTheBacnetPackageImportsBacnet4j() throws Exception {
        Path main = Path.of("src/main/java");
        List<Path> offenders;
        try (Stream<Path> files = Files.walk(main)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !main.relativize(p).startsWith(Path.of("systems/rala/edge/bacnet")))
                    .filter(p -> {
                        try {
                            String s = Files.readString(p);
                            return s.contains("com.serotonin") || s.contains("org.code_house");
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .toList();
        }
        assertThat(offenders).isEmpty();
        // and the bacnet package is really there and found by the service loaders
        assertThat(Files.readString(
                        Path.of("src/main/resources/META-INF/services/systems.rala.edge.bus.FieldBusProvider")))
                .contains("systems.rala.edge.bacnet.BacnetProvider");
    }
}
