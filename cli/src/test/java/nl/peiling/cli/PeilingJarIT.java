package nl.peiling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged executable jar as a separate process, as users do. */
class PeilingJarIT {

    private static final Path JAR = Path.of("target/peiling.jar");

    record Result(int exitCode, String out, String err) {}

    static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(
                process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void validate_shippedEdition_exitsZeroWithoutNoise() throws Exception {
        Result result = run("validate", "--edition", "2027");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("valid: 0 errors, 2 warnings");
        assertThat(result.err()).as("no log lines on stderr").isEmpty();
    }

    @Test
    void validate_brokenFolder_exitsOne(@TempDir Path dir) throws Exception {
        Path folder = ValidateCommandTest.copyOfCatalog(dir);
        ValidateCommandTest.replace(folder.resolve("llo.json"), "\"version\"", "\"versoin\"");
        Result result = run("validate", folder.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("error unknown-property modules[llo].versoin");
    }

    @Test
    void validate_missingPath_exitsTwoWithOneLine() throws Exception {
        Result result = run("validate", "does-not-exist");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines()).containsExactly("peiling: does-not-exist: no such file or folder");
        assertThat(Files.exists(JAR)).isTrue();
    }

    @Test
    void version_comesFromTheManifest() throws Exception {
        Result result = run("--version");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out().trim()).startsWith("peiling 0.1.0");
    }
}
