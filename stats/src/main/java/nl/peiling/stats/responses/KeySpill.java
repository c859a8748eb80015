package nl.peiling.stats.responses;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The respondent keys that did not fit in memory, in temporary files: per worker one file for each part
 * of the hash range, so that the double-login rule can be applied part by part, each part holding only
 * its share of the keys. A file holds, per key, its two hashes, where its row is (line, offset, length)
 * and its answers and the CRC-32C of its bytes: 44 bytes, never the key.
 * Each worker writes only its own files; {@link #close()} deletes them all.
 */
final class KeySpill implements AutoCloseable {

    private final int bits;
    private final DataOutputStream[][] out;
    private final long[][] counts;
    private Path dir;

    /**
     * A spill for this many workers, with the hash range in parts so that each part holds about
     * {@code limit} of the {@code expected} keys or fewer: 2 to 16 parts, so that the files open at once
     * (workers × parts) stay few. Beyond 16 times the limit a part holds more than the limit.
     */
    KeySpill(int workers, long expected, int limit) {
        long parts = Math.max(2, 2 * expected / Math.max(1, limit) + 1);
        this.bits = Math.min(4, 64 - Long.numberOfLeadingZeros(parts - 1));
        this.out = new DataOutputStream[workers][1 << bits];
        this.counts = new long[workers][1 << bits];
    }

    int parts() {
        return 1 << bits;
    }

    /** Whether any key was moved out of memory. */
    boolean used() {
        return dir != null;
    }

    /** Moves all of a worker's keys to its files, and empties its keys. */
    void write(int worker, Keys keys) throws IOException {
        for (int i = 0; i < keys.size; i++) {
            int part = part(keys.h1[i]);
            DataOutputStream file = out[worker][part];
            if (file == null) {
                file = new DataOutputStream(new BufferedOutputStream(
                        Files.newOutputStream(directory().resolve(worker + "-" + part)), 1 << 14));
                out[worker][part] = file;
            }
            file.writeLong(keys.h1[i]);
            file.writeLong(keys.h2[i]);
            file.writeLong(keys.lines[i]);
            file.writeLong(keys.offsets[i]);
            file.writeInt(keys.lengths[i]);
            file.writeInt(keys.answered[i]);
            file.writeInt(keys.crcs[i]);
            counts[worker][part]++;
        }
        keys.size = 0;
    }

    /** The keys of one part, of all workers; call after the last {@link #write}. */
    Keys read(int part) throws IOException {
        long total = 0;
        for (long[] worker : counts) {
            total += worker[part];
        }
        Keys keys = new Keys((int) Math.max(1, total), Integer.MAX_VALUE);
        for (int worker = 0; worker < out.length; worker++) {
            if (out[worker][part] == null) {
                continue;
            }
            out[worker][part].close();
            Path file = dir.resolve(worker + "-" + part);
            try (DataInputStream in =
                    new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 14))) {
                for (long i = 0; i < counts[worker][part]; i++) {
                    keys.put(
                            in.readLong(),
                            in.readLong(),
                            in.readLong(),
                            in.readLong(),
                            in.readInt(),
                            in.readInt(),
                            in.readInt());
                }
            }
        }
        return keys;
    }

    private int part(long h1) {
        return (int) (h1 >>> (64 - bits));
    }

    private synchronized Path directory() throws IOException {
        if (dir == null) {
            dir = Files.createTempDirectory("peiling-keys");
        }
        return dir;
    }

    /** Closes and deletes the files. */
    @Override
    public void close() throws IOException {
        for (DataOutputStream[] worker : out) {
            for (DataOutputStream file : worker) {
                if (file != null) {
                    file.close();
                }
            }
        }
        Path folder;
        synchronized (this) {
            folder = dir;
        }
        if (folder != null) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(folder);
        }
    }
}
