package nl.peiling.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private String[] names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }

    @Test
    void write_replacesTheOldFileWhole_inNewFolders() throws IOException {
        Path target = dir.resolve("a/b/out.csv");
        AtomicFiles.writeString(target, "first, and longer\n");
        AtomicFiles.writeString(target, "second\n");

        assertThat(Files.readString(target)).isEqualTo("second\n");
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("out.csv");
        }
    }

    @Test
    void write_thatFailsHalfway_keepsTheOldFile_andLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("out.csv");
        Files.writeString(target, "old\n");

        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
                    out.write("half of the new ");
                    throw new IOException("disk full");
                }))
                .isInstanceOf(IOException.class)
                .hasMessage("disk full");

        assertThat(Files.readString(target)).isEqualTo("old\n");
        assertThat(names()).containsExactly("out.csv");
    }

    @Test
    void write_overAFolder_failsAndLeavesTheFolder_andNoTemporaryFile() throws IOException {
        Path target = dir.resolve("out.csv");
        Files.createDirectories(target);
        Files.writeString(target.resolve("inside.txt"), "old\n");

        assertThatThrownBy(() -> AtomicFiles.writeString(target, "new\n")).isInstanceOf(IOException.class);

        assertThat(Files.readString(target.resolve("inside.txt"))).isEqualTo("old\n");
        assertThat(names()).containsExactly("out.csv");
    }

    @Test
    void write_givesTheUsualPermissions_notOwnerOnly() throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return; // no POSIX permissions to check
        }
        Path target = dir.resolve("out.csv");
        Path plain = dir.resolve("plain.csv");
        AtomicFiles.writeString(target, "x\n");
        Files.writeString(plain, "x\n");

        assertThat(Files.getPosixFilePermissions(target))
                .isEqualTo(Files.getPosixFilePermissions(plain))
                .contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void writeBytes_writesTheBytes_withTheUsualPermissions_andAFailureKeepsTheOldFile() throws IOException {
        Path target = dir.resolve("results.json");
        Path plain = dir.resolve("plain.json");
        AtomicFiles.writeBytes(target, out -> out.write(new byte[] {'{', '}', '\n'}));
        Files.writeString(plain, "{}\n");

        assertThatThrownBy(() -> AtomicFiles.writeBytes(target, out -> {
                    out.write('[');
                    throw new IOException("disk full");
                }))
                .hasMessage("disk full");

        assertThat(Files.readString(target)).isEqualTo("{}\n");
        assertThat(names()).containsExactlyInAnyOrder("results.json", "plain.json");
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(Files.getPosixFilePermissions(target)).isEqualTo(Files.getPosixFilePermissions(plain));
        }
    }
}
