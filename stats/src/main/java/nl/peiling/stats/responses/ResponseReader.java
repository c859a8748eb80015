package nl.peiling.stats.responses;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.zip.CRC32C;
import nl.peiling.core.engine.AnswerRule;
import nl.peiling.core.engine.ResponseLayout;
import nl.peiling.core.model.Edition;
import nl.peiling.core.model.Question;

/**
 * The streaming reader of {@code responses.csv}: checks every cell against the edition and hands each
 * accepted row, decoded, to a {@link RowSink} of the worker thread that read it.
 *
 * <p>A row is rejected, never dropped, when a field is malformed or out of range, a code is unknown,
 * the institution or location is unknown, a question outside the respondent's modules has an answer, or
 * the respondent key repeats. Of rows with the same key the one with most answers is kept (ties: the
 * later row) and the others are rejected as {@code duplicate}; since that is known only at the end, the
 * losing rows are read again and taken back from the sinks. Cells are checked by the edition's {@link
 * AnswerRule}s, the rules the questionnaire engine applies, and routing is applied as the engine does: an
 * answer to a question whose {@code visibleIf} is false for the row is left out of the row and listed
 * as {@code routed-out}, and the row is accepted. Memory does not grow with the rows: that
 * rule keeps about 44 bytes per respondent key in memory up to {@link #withKeysInMemory a limit}, and
 * the keys beyond it in temporary files (as hashes with the places of their rows, never the keys).
 *
 * <p>The reader is immutable and can be shared between threads.
 */
public final class ResponseReader {

    /** The default size of the blocks handed to worker threads. */
    public static final int DEFAULT_BLOCK_SIZE = 256 << 10;

    /**
     * The default limit of respondent keys in memory, see {@link #withKeysInMemory}: about 80 MB of keys
     * while reading, and up to about 150 MB with the table at the end.
     */
    public static final int DEFAULT_KEYS_IN_MEMORY = 1 << 21;

    private final Edition edition;
    private final Map<String, Set<String>> knownLocations;
    private final int threads;
    private final int blockSize;
    private final Schema schema;
    /** Whether plain records take the fast path; off only to test that both paths read alike. */
    private final boolean fastPath;

    private final int keysInMemory;

    private ResponseReader(
            Edition edition,
            Map<String, Set<String>> knownLocations,
            int threads,
            int blockSize,
            Schema schema,
            boolean fastPath,
            int keysInMemory) {
        this.edition = edition;
        this.knownLocations = knownLocations;
        this.threads = threads;
        this.blockSize = blockSize;
        this.schema = schema;
        this.fastPath = fastPath;
        this.keysInMemory = keysInMemory;
    }

    /** A reader for the edition's data files, on all available processors, accepting any institution. */
    public static ResponseReader of(Edition edition) {
        requireNonNull(edition, "edition");
        return new ResponseReader(
                edition,
                null,
                Runtime.getRuntime().availableProcessors(),
                DEFAULT_BLOCK_SIZE,
                new Schema(edition),
                true,
                DEFAULT_KEYS_IN_MEMORY);
    }

    /** A copy that rejects institutions and locations not in the map (institution code to location codes). */
    public ResponseReader withKnownLocations(Map<String, ? extends Collection<String>> locations) {
        requireNonNull(locations, "locations");
        Map<String, Set<String>> copy = new HashMap<>();
        locations.forEach((institution, codes) -> copy.put(institution, Set.copyOf(codes)));
        return new ResponseReader(edition, Map.copyOf(copy), threads, blockSize, schema, fastPath, keysInMemory);
    }

    /** The most worker threads a reader takes: more only cost memory and start-up. */
    public static final int MAX_THREADS = 256;

    /** A copy that reads with this many worker threads (1 to {@link #MAX_THREADS}). */
    public ResponseReader withThreads(int count) {
        if (count < 1 || count > MAX_THREADS) {
            throw new IllegalArgumentException("threads (" + count + ") must be between 1 and " + MAX_THREADS);
        }
        return new ResponseReader(edition, knownLocations, count, blockSize, schema, fastPath, keysInMemory);
    }

    /**
     * A copy that hands the workers blocks of about this many bytes (at least 1024). Smaller blocks
     * spread a small file over more threads; the results do not depend on it.
     */
    public ResponseReader withBlockSize(int bytes) {
        if (bytes < 1024) {
            throw new IllegalArgumentException("block size (" + bytes + ") must be >= 1024");
        }
        return new ResponseReader(edition, knownLocations, threads, bytes, schema, fastPath, keysInMemory);
    }

    /**
     * A copy that keeps at most about this many respondent keys (at least 1) in memory for the
     * double-login rule, about 44 bytes each, and at the end a table of up to as many. Beyond it the
     * workers move their keys, as two 64-bit hashes with the places of their rows, to temporary files
     * in parts by hash, and the rule is applied part by part; the results are the same.
     */
    public ResponseReader withKeysInMemory(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("keys in memory (" + count + ") must be >= 1");
        }
        return new ResponseReader(edition, knownLocations, threads, blockSize, schema, fastPath, count);
    }

    /** A copy that decodes every record the general way, without the fast path (for tests). */
    ResponseReader withoutFastPath() {
        return new ResponseReader(edition, knownLocations, threads, blockSize, schema, false, keysInMemory);
    }

    /** The questions in the order of the per-question codes of {@link ResponseRow}: the edition's order. */
    public List<Question> questions() {
        return schema.questions;
    }

    /** The number of worker threads. */
    public int threads() {
        return threads;
    }

    /** The edition the reader checks against. */
    public Edition edition() {
        return edition;
    }

    /**
     * Reads a responses file.
     *
     * @param sinks makes one sink per worker thread
     * @throws ResponseFormatException when the file cannot be read or its header is wrong
     */
    public <S extends RowSink> ReadResult<S> read(Path file, Supplier<S> sinks) {
        requireNonNull(file, "file");
        requireNonNull(sinks, "sinks");
        String name = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            return read(name, in, file, sinks);
        } catch (NoSuchFileException e) {
            throw new ResponseFormatException(name, "no such file");
        } catch (IOException e) {
            throw new ResponseFormatException(name, "cannot be read: " + e.getMessage(), e);
        }
    }

    private <S extends RowSink> ReadResult<S> read(String name, InputStream in, Path file, Supplier<S> sinkFactory)
            throws IOException {
        CsvRecords records = new CsvRecords(in, blockSize);
        CsvRecords.Block first = records.next();
        if (first == null) {
            throw new ResponseFormatException(
                    name,
                    "the file is empty; expected a header starting with "
                            + String.join(",", ResponseLayout.FIXED_COLUMNS));
        }
        Fields headerFields = new Fields();
        int afterHeader = headerFields.split(first.data, 0, first.length);
        Layout layout = Layout.bind(schema, name, first.data, headerFields);
        // Room for each worker's share of the keys, estimated from the first block's records, so
        // that the key arrays need not grow (and be copied) many times; up to the limit in memory.
        long recordsInFirst = Math.max(1, CsvRecords.newlines(first.data, 0, first.length));
        long estimate = Files.size(file) / Math.max(1, first.length / recordsInFirst);
        int keyLimit = Math.max(1, keysInMemory / threads);
        int keysPerWorker = (int) Math.min(keyLimit, Math.max(1024, estimate / threads + estimate / 16));
        // The keys beyond the limit in memory go to temporary files, deleted when the read ends.
        try (KeySpill spill = new KeySpill(threads, estimate, keysInMemory)) {
            List<Worker<S>> workers = new ArrayList<>();
            BlockingQueue<CsvRecords.Block> queue = new ArrayBlockingQueue<>(threads * 2);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            List<Thread> running = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Worker<S> worker = new Worker<>(
                        new RowDecoder(layout, knownLocations),
                        fastPath,
                        sinkFactory.get(),
                        queue,
                        failure,
                        records,
                        new Keys(keysPerWorker, keyLimit),
                        spill,
                        i);
                workers.add(worker);
                Thread thread = new Thread(worker, "peiling-responses-" + i);
                thread.setDaemon(true);
                running.add(thread);
                thread.start();
            }
            try {
                queue.put(new CsvRecords.Block(
                        first.data,
                        first.length,
                        first.line + 1 + headerFields.innerNewlines,
                        first.offset,
                        afterHeader));
                CsvRecords.Block block;
                while ((block = records.next()) != null && failure.get() == null) {
                    queue.put(block);
                }
                for (int i = 0; i < threads; i++) {
                    queue.put(Worker.END);
                }
                for (Thread thread : running) {
                    thread.join();
                }
            } catch (InterruptedException e) {
                stop(running);
                Thread.currentThread().interrupt();
                throw new ResponseFormatException(name, "reading was interrupted", e);
            } catch (IOException | RuntimeException e) {
                stop(running); // the workers wait for blocks that will not come
                throw e;
            }
            if (failure.get() != null) {
                Throwable cause = failure.get();
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(cause);
            }
            return finish(name, file, workers, spill);
        }
    }

    /**
     * Interrupts the workers and waits until they have ended, so that none writes keys to the spill after
     * it is closed and deleted.
     */
    private static void stop(List<Thread> workers) {
        workers.forEach(Thread::interrupt);
        boolean interrupted = false;
        for (Thread worker : workers) {
            while (worker.isAlive()) {
                try {
                    worker.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Applies the double-login rule over all workers' keys, takes back the losing rows, and sums up. */
    private <S extends RowSink> ReadResult<S> finish(String name, Path file, List<Worker<S>> workers, KeySpill spill)
            throws IOException {
        long rows = 0;
        List<Reject> rejects = new ArrayList<>();
        for (Worker<S> worker : workers) {
            rows += worker.rows;
            rejects.addAll(worker.rejects);
        }
        List<long[]> losers;
        if (!spill.used()) {
            losers = KeyTable.losers(workers.stream().map(w -> w.keys).toList());
        } else { // the rest of the keys join the spilled ones, and the rule is applied part by part
            for (int w = 0; w < workers.size(); w++) {
                spill.write(w, workers.get(w).keys);
            }
            losers = new ArrayList<>();
            for (int part = 0; part < spill.parts(); part++) {
                losers.addAll(KeyTable.losers(List.of(spill.read(part))));
            }
        }
        Set<Long> losingLines = new HashSet<>();
        if (!losers.isEmpty()) {
            Worker<S> undo = workers.get(0);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                for (long[] loser : losers) {
                    ByteBuffer buffer = ByteBuffer.allocate((int) loser[2]);
                    while (buffer.hasRemaining()) {
                        // A positional read may return fewer bytes than asked for; read on until full.
                        if (channel.read(buffer, loser[1] + buffer.position()) < 0) {
                            throw new ResponseFormatException(name, "the file became shorter while it was read");
                        }
                    }
                    byte[] bytes = buffer.array();
                    CRC32C crc = new CRC32C();
                    crc.update(bytes, 0, bytes.length);
                    RowDecoder decoder = undo.decoder;
                    decoder.fields.split(bytes, 0, bytes.length);
                    // The same bytes as read (by their checksum), so the same answers are taken back.
                    if ((int) crc.getValue() != (int) loser[4]
                            || !decoder.decode(bytes, loser[0], loser[1], bytes.length)) {
                        throw new ResponseFormatException(
                                name, "the file changed while it was read: line " + loser[0] + " reads differently");
                    }
                    decoder.route(false);
                    undo.sink.remove(decoder.row);
                    losingLines.add(loser[0]);
                    rejects.add(new Reject(
                            loser[0],
                            decoder.row.respondent(),
                            RejectReason.DUPLICATE,
                            "respondent",
                            "kept line " + loser[3]));
                }
            }
        }
        rejects.sort(Comparator.comparingLong(Reject::line));
        long accepted = rows - rejects.size();
        List<S> sinks = workers.stream().map(w -> w.sink).toList();
        List<Reject> routedOut = new ArrayList<>();
        for (Worker<S> worker : workers) {
            for (Reject note : worker.decoder.routedOut) {
                if (!losingLines.contains(note.line())) { // a losing double login counts as a whole
                    routedOut.add(note);
                }
            }
        }
        routedOut.sort(Comparator.comparingLong(Reject::line));
        return new ReadResult<>(sinks, rows, accepted, rejects, routedOut);
    }

    /** Reads the records of blocks from the queue until the end marker, into its sink, keys and rejects. */
    private static final class Worker<S extends RowSink> implements Runnable {
        static final CsvRecords.Block END = new CsvRecords.Block(new byte[0], 0, 0, 0);

        final RowDecoder decoder;
        final S sink;
        final BlockingQueue<CsvRecords.Block> queue;
        final AtomicReference<Throwable> failure;
        final CsvRecords records;
        final List<Reject> rejects = new ArrayList<>();
        final Keys keys;
        final KeySpill spill;
        /** This worker's number, which names its files in the spill. */
        final int index;
        /** Whether plain records take the fast path. */
        final boolean fastPath;
        /** The checksum of each accepted row's bytes, kept with its key. */
        final CRC32C crc = new CRC32C();

        long rows;

        Worker(
                RowDecoder decoder,
                boolean fastPath,
                S sink,
                BlockingQueue<CsvRecords.Block> queue,
                AtomicReference<Throwable> failure,
                CsvRecords records,
                Keys keys,
                KeySpill spill,
                int index) {
            this.decoder = decoder;
            this.fastPath = fastPath;
            this.keys = keys;
            this.spill = spill;
            this.index = index;
            this.records = records;
            this.sink = sink;
            this.queue = queue;
            this.failure = failure;
        }

        @Override
        public void run() {
            try {
                while (true) {
                    CsvRecords.Block block = queue.take();
                    if (block == END) {
                        return;
                    }
                    if (failure.get() != null) {
                        continue; // the read has failed: only drain the queue, so the reading thread can end
                    }
                    try {
                        read(block);
                    } catch (Throwable e) { // a sink's error too: kept, and thrown by read()
                        failure.compareAndSet(null, e);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Reads the records of one block into the sink, the keys and the rejects. */
        private void read(CsvRecords.Block block) {
            RowDecoder decoder = this.decoder;
            ResponseRow row = decoder.row;
            Fields fields = decoder.fields;
            byte[] data = block.data;
            long line = block.line;
            int position = block.start;
            while (position < block.length) {
                int next = fastPath ? decoder.fast(data, position, block.length, line, block.offset + position) : -1;
                if (next >= 0) {
                    rows++;
                    decoder.route(true);
                    sink.add(row);
                    key(data, decoder.keyFrom, decoder.keyTo, position, line, row.offset, row.length, row.answered);
                    line++;
                    position = next;
                    continue;
                }
                next = fields.split(data, position, block.length);
                int length = fields.recordEnd - position;
                if (length > 0) { // an empty line is no row
                    rows++;
                    if (decoder.decode(data, line, block.offset + position, length)) {
                        decoder.route(true);
                        sink.add(row);
                        key(
                                data,
                                fields.starts[0],
                                fields.ends[0],
                                position,
                                line,
                                block.offset + position,
                                length,
                                row.answered);
                    } else {
                        rejects.add(decoder.rejected);
                    }
                }
                line += 1 + fields.innerNewlines;
                position = next;
            }
            records.recycle(data);
        }

        /**
         * Adds the key data[from, to) of the accepted row at data[start, start + length); when the keys are at
         * their limit, they go to the spill first.
         */
        private void key(byte[] data, int from, int to, int start, long line, long offset, int length, int answered) {
            if (keys.full()) {
                try {
                    spill.write(index, keys);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write respondent keys to a temporary file", e);
                }
            }
            crc.reset();
            crc.update(data, start, length);
            keys.add(data, from, to, line, offset, length, answered, (int) crc.getValue());
        }
    }
}
