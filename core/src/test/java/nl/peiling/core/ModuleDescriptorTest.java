package nl.peiling.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Pins the public API: the packages core exports. A new export is a decision, not an accident. */
class ModuleDescriptorTest {

    @Test
    void core_exportsExactlyItsApiPackages() {
        ModuleDescriptor descriptor = ModuleFinder.of(Path.of("target/classes"))
                .find("nl.peiling.core")
                .orElseThrow()
                .descriptor();
        assertThat(descriptor.exports().stream()
                        .map(ModuleDescriptor.Exports::source)
                        .collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(
                        "nl.peiling.core.model",
                        "nl.peiling.core.routing",
                        "nl.peiling.core.io",
                        "nl.peiling.core.validation",
                        "nl.peiling.core.catalog",
                        "nl.peiling.core.codebook",
                        "nl.peiling.core.spi",
                        "nl.peiling.core.allocation",
                        "nl.peiling.core.engine");
        assertThat(descriptor.exports()).allMatch(e -> !e.isQualified());
        assertThat(descriptor.uses()).containsExactly("nl.peiling.core.spi.CatalogProvider");
    }
}
