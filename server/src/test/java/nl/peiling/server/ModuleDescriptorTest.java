package nl.peiling.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Pins the public API: the server exports one package; its internals stay inside. */
class ModuleDescriptorTest {

    @Test
    void server_exportsOnlyItsApiPackage() {
        ModuleDescriptor descriptor = ModuleFinder.of(Path.of("target/classes"))
                .find("nl.peiling.server")
                .orElseThrow()
                .descriptor();
        assertThat(descriptor.exports().stream()
                        .map(ModuleDescriptor.Exports::source)
                        .collect(Collectors.toSet()))
                .containsExactly("nl.peiling.server");
        assertThat(descriptor.exports()).allMatch(e -> !e.isQualified());
        assertThat(descriptor.packages()).contains("nl.peiling.server.internal");
    }
}
