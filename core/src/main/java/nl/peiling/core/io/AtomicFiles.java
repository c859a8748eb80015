package nl.peiling.core.io;

import static java.util.Objects.requireNonNull;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The one way the project writes a file: to a temporary file in the target's folder, then moved over
 * the target, atomically where the file system can. Readers see the old file or the whole new one, never
 * a part, and a failed write leaves the old file as it was and no temporary file behind. The temporary
 * file is created as any new file is (0644 under umask 022, not owner-only), so the target gets the usual
 * permissions.
 */
public final class AtomicFiles {

    /** Writes the text of a file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    /** Writes the bytes of a file. */
    @FunctionalInterface
    public interface Bytes {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {}

    /** Writes {@code text} as UTF-8 to {@code target}, creating its folder when missing. */
    public static void writeString(Path target, String text) throws IOException {
        requireNonNull(text, "text");
        write(target, out -> out.write(text));
    }

    /**
     * Writes what {@code content} writes, as UTF-8, to {@code target}, creating its folder when missing.
     *
     * @throws IOException when the folder, the temporary file or the move fails, or {@code content}
     *     throws; the target is then as it was
     */
    public static void write(Path target, Content content) throws IOException {
        requireNonNull(content, "content");
        writeBytes(target, stream -> {
            Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            content.writeTo(out);
            out.flush();
        });
    }

    /**
     * Writes what {@code content} writes, through a 64 KiB buffer, to {@code target}, creating its folder
     * when missing.
     *
     * @throws IOException when the folder, the temporary file or the move fails, or {@code content}
     *     throws; the target is then as it was
     */
    public static void writeBytes(Path target, Bytes content) throws IOException {
        requireNonNull(target, "target");
        requireNonNull(content, "content");
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Files.createDirectories(folder);
        Path temporary = folder.resolve(
                "." + absolute.getFileName() + "." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".tmp");
        boolean moved = false;
        try {
            try (OutputStream out = new BufferedOutputStream(
                    Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    1 << 16)) {
                content.writeTo(out);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temporary);
            }
        }
    }
}
