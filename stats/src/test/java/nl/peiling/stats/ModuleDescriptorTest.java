package nl.peiling.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Pins the public API of stats: the packages it exports, and that only Jackson may read the results reflectively. */
class ModuleDescriptorTest {

    @Test
    void stats_exportsExactlyItsApiPackages() {
        ModuleDescriptor descriptor = ModuleFinder.of(Path.of("target/classes"))
                .find("nl.peiling.stats")
                .orElseThrow()
                .descriptor();
        assertThat(descriptor.exports().stream()
                        .map(ModuleDescriptor.Exports::source)
                        .collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(
                        "nl.peiling.stats.sampling",
                        "nl.peiling.stats.responses",
                        "nl.peiling.stats.scores",
                        "nl.peiling.stats.simulation",
                        "nl.peiling.stats.trend");
        assertThat(descriptor.opens())
                .extracting(ModuleDescriptor.Opens::source)
                .containsExactlyInAnyOrder("nl.peiling.stats.scores", "nl.peiling.stats.trend");
        assertThat(descriptor.opens())
                .allSatisfy(open -> assertThat(open.targets()).containsExactly("com.fasterxml.jackson.databind"));
    }
}
