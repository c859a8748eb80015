package nl.peiling.stats.responses;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import nl.peiling.core.engine.AnswerRule;
import nl.peiling.core.engine.ProblemCode;
import nl.peiling.core.engine.Questionnaire;
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
 * rule keeps about 40 bytes per respondent key in memory up to {@link #withKeysInMemory a limit}, and
 * the keys beyond it in temporary files (as hashes with the places of their rows, never the keys).
 *
 * <p>The reader is immutable and can be shared between threads.
 */
public final class ResponseReader {

    private static final List<String> FIXED_COLUMNS = ResponseLayout.FIXED_COLUMNS;

    private static final byte[] BOL = {'B', 'O', 'L'};
    private static final byte[] BBL = {'B', 'B', 'L'};

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

    /** A copy that reads with this many worker threads (at least 1). */
    public ResponseReader withThreads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("threads (" + count + ") must be >= 1");
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
     * double-login rule, about 40 bytes each, and at the end a table of up to as many. Beyond it the
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
                    name, "the file is empty; expected a header starting with " + String.join(",", FIXED_COLUMNS));
        }
        Fields headerFields = new Fields();
        int afterHeader = headerFields.split(first.data, 0, first.length);
        Layout layout = schema.layout(name, first.data, headerFields);
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
                        layout,
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
        java.util.Set<Long> losingLines = new java.util.HashSet<>();
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
                    undo.fields.split(bytes, 0, bytes.length);
                    if (!undo.decode(bytes, loser[0], loser[1], bytes.length)) {
                        throw new ResponseFormatException(
                                name, "the file changed while it was read: line " + loser[0] + " reads differently");
                    }
                    undo.route(false);
                    undo.sink.remove(undo.row);
                    losingLines.add(loser[0]);
                    rejects.add(new Reject(
                            loser[0],
                            undo.row.respondent(),
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
            for (Reject note : worker.routedOut) {
                if (!losingLines.contains(note.line())) { // a losing double login counts as a whole
                    routedOut.add(note);
                }
            }
        }
        routedOut.sort(Comparator.comparingLong(Reject::line));
        return new ReadResult<>(sinks, rows, accepted, rejects, routedOut);
    }

    // ------------------------------------------------------------------------------------ schema

    /** What the edition says about each question, prepared for fast checks of cells. */
    private static final class Schema {
        final Questionnaire questionnaire;
        final List<Question> questions;
        final AnswerRule[] rules;
        /**
         * Per question: the bytes that are a whole answer on their own (bit b for byte b), as {@link
         * AnswerRule#isWholeDigit} says: the one-digit points of a scale, and the marks 1 to 9 of a grade.
         */
        final long[] digitBytes;

        Schema(Edition edition) {
            questionnaire = Questionnaire.compile(edition);
            questions = questionnaire.questions();
            rules = new AnswerRule[questions.size()];
            digitBytes = new long[questions.size()];
            for (int q = 0; q < questions.size(); q++) {
                rules[q] = questionnaire.rule(q);
                for (int digit = 0; digit <= 9; digit++) {
                    if (rules[q].isWholeDigit(digit)) {
                        digitBytes[q] |= 1L << ('0' + digit);
                    }
                }
            }
        }

        Layout layout(String name, byte[] data, Fields fields) {
            if (fields.malformed >= 0) {
                throw new ResponseFormatException(
                        name,
                        "header column " + (fields.malformed + 1)
                                + (fields.unclosed()
                                        ? " has no closing quote"
                                        : " has text after its closing quote: " + fields.malformedText(data)));
            }
            List<String> header = new ArrayList<>();
            for (int f = 0; f < fields.count; f++) {
                header.add(fields.text(data, f));
            }
            if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
                header.set(0, header.get(0).substring(1));
            }
            for (int i = 0; i < FIXED_COLUMNS.size(); i++) {
                if (header.size() <= i || !header.get(i).equals(FIXED_COLUMNS.get(i))) {
                    throw new ResponseFormatException(
                            name,
                            String.format(
                                    Locale.ROOT,
                                    "header column %d is %s; the header must start with %s",
                                    i + 1,
                                    header.size() <= i ? "missing" : "\"" + header.get(i) + "\"",
                                    String.join(",", FIXED_COLUMNS)));
                }
            }
            int[] columnQuestion = new int[header.size()];
            java.util.Arrays.fill(columnQuestion, -1);
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int c = FIXED_COLUMNS.size(); c < header.size(); c++) {
                String column = header.get(c);
                int q = questionnaire.indexOf(column);
                if (q < 0) {
                    throw new ResponseFormatException(
                            name,
                            "header column " + (c + 1) + " \"" + column + "\" is not a question of edition "
                                    + "(known question ids name the columns after "
                                    + FIXED_COLUMNS.get(FIXED_COLUMNS.size() - 1) + ")");
                }
                if (!seen.add(column)) {
                    throw new ResponseFormatException(
                            name, "header column " + (c + 1) + " \"" + column + "\" appears twice");
                }
                columnQuestion[c] = q;
            }
            long[] columnDigits = new long[header.size()];
            long[] columnModule = new long[header.size()];
            for (int c = FIXED_COLUMNS.size(); c < header.size(); c++) {
                columnDigits[c] = digitBytes[columnQuestion[c]];
                columnModule[c] = 1L << rules[columnQuestion[c]].module();
            }
            return new Layout(this, List.copyOf(header), columnQuestion, columnDigits, columnModule);
        }
    }

    /**
     * The header of one file: which question each column holds, and per column the bytes that are a
     * whole answer (see {@link Schema#digitBytes}) and the bit of the question's module.
     */
    private record Layout(
            Schema schema, List<String> header, int[] columnQuestion, long[] columnDigits, long[] columnModule) {}

    // ------------------------------------------------------------------------------------ workers

    /** Parses and checks the records of blocks from the queue until the end marker. */
    private final class Worker<S extends RowSink> implements Runnable {
        static final CsvRecords.Block END = new CsvRecords.Block(new byte[0], 0, 0, 0);

        final Layout layout;
        final S sink;
        final BlockingQueue<CsvRecords.Block> queue;
        final AtomicReference<Throwable> failure;
        final CsvRecords records;
        final ResponseRow row;
        final Fields fields = new Fields();
        final List<Reject> rejects = new ArrayList<>();
        /** The answers left out by routing, of rows accepted. */
        final List<Reject> routedOut = new ArrayList<>();
        /** Scratch space for routing a row. */
        final long[] visible;

        final int[] routed;
        final Keys keys;
        final KeySpill spill;
        /** This worker's number, which names its files in the spill. */
        final int index;

        long rows;
        Reject rejected;
        String lastInstitution;
        byte[] lastInstitutionBytes;
        String lastLocation;
        byte[] lastLocationBytes;
        /** Whether the last institution and location are known (always, without a list of known ones). */
        boolean lastKnown;
        /** The respondent key of the record the fast path read: data[keyFrom, keyTo). */
        int keyFrom;

        int keyTo;
        /** The fast path's answers so far, and where its record's content ends. */
        int fastAnswered;

        int fastRecordEnd;

        Worker(
                Layout layout,
                S sink,
                BlockingQueue<CsvRecords.Block> queue,
                AtomicReference<Throwable> failure,
                CsvRecords records,
                Keys keys,
                KeySpill spill,
                int index) {
            this.layout = layout;
            this.keys = keys;
            this.spill = spill;
            this.index = index;
            this.records = records;
            this.sink = sink;
            this.queue = queue;
            this.failure = failure;
            this.row = new ResponseRow(layout.schema().questions);
            this.visible = new long[layout.schema().questionnaire.visibilityWords()];
            this.routed = new int[layout.schema().questions.size()];
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
            byte[] data = block.data;
            long line = block.line;
            int position = block.start;
            while (position < block.length) {
                int next = fastPath ? fast(data, position, block.length, line, block.offset + position) : -1;
                if (next >= 0) {
                    rows++;
                    route(true);
                    sink.add(row);
                    key(data, keyFrom, keyTo, line, row.offset, row.length, row.answered);
                    line++;
                    position = next;
                    continue;
                }
                next = fields.split(data, position, block.length);
                int length = fields.recordEnd - position;
                if (length > 0) { // an empty line is no row
                    rows++;
                    if (decode(data, line, block.offset + position, length)) {
                        route(true);
                        sink.add(row);
                        key(
                                data,
                                fields.starts[0],
                                fields.ends[0],
                                line,
                                block.offset + position,
                                length,
                                row.answered);
                    } else {
                        rejects.add(rejected);
                    }
                }
                line += 1 + fields.innerNewlines;
                position = next;
            }
            records.recycle(data);
        }

        /**
         * Leaves out of the accepted row the answers its own answers route out (as the questionnaire engine
         * hides them), noting each as {@code routed-out} when asked to.
         */
        void route(boolean note) {
            Schema schema = layout.schema();
            int count = schema.questionnaire.routedOut(row.states, row.values, row.modules, visible, routed);
            for (int i = 0; i < count; i++) {
                int q = routed[i];
                if (note) {
                    AnswerRule rule = schema.rules[q];
                    String value = rule.isText()
                            ? "(open text)"
                            : rule.answer(row.states[q], row.values[q], null).cell();
                    routedOut.add(new Reject(
                            row.line,
                            row.respondent(),
                            RejectReason.ROUTED_OUT,
                            schema.questions.get(q).id(),
                            value));
                }
                row.states[q] = AnswerRule.EMPTY;
                row.answered--;
            }
        }

        /** Adds the key of an accepted row; when the keys are at their limit, they go to the spill first. */
        private void key(byte[] data, int from, int to, long line, long offset, int length, int answered) {
            if (keys.full()) {
                try {
                    spill.write(index, keys);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException("cannot write respondent keys to a temporary file", e);
                }
            }
            keys.add(data, from, to, line, offset, length, answered);
        }

        /**
         * Decodes the record at data[start, limit) into {@link #row} when it is plain: no doubled quotes,
         * no line end inside quotes, and every field valid. Returns where the next record starts, or -1
         * when the record needs {@link #decode} (which then accepts or rejects it): the fast path never
         * rejects, so both paths accept exactly the same rows, decoded the same.
         */
        int fast(byte[] data, int start, int limit, long line, long offset) {
            if (layout.columnQuestion().length <= FIXED_COLUMNS.size()) {
                return -1;
            }
            // respondent, institution, location: plain fields ending in a comma
            int p = special(data, start, limit); // the respondent key: long
            if (p == start || p >= limit || data[p] != ',') {
                return -1;
            }
            keyFrom = start;
            keyTo = p;
            int institutionFrom = ++p;
            p = shortFieldEnd(data, p, limit);
            if (p == institutionFrom || p >= limit || data[p] != ',') {
                return -1;
            }
            if (lastInstitution == null
                    || !java.util.Arrays.equals(
                            data, institutionFrom, p, lastInstitutionBytes, 0, lastInstitutionBytes.length)) {
                return -1; // a new institution: decode() makes its string
            }
            int locationFrom = ++p;
            p = shortFieldEnd(data, p, limit);
            if (p == locationFrom || p >= limit || data[p] != ',') {
                return -1;
            }
            if (!java.util.Arrays.equals(data, locationFrom, p, lastLocationBytes, 0, lastLocationBytes.length)) {
                return -1;
            }
            if (knownLocations != null && !lastKnown) { // decode() rejects it
                return -1;
            }
            // level, pathway
            if (p + 7 >= limit || data[p + 2] != ',' || data[p + 1] < '1' || data[p + 1] > '4' || data[p + 6] != ',') {
                return -1;
            }
            int level = data[p + 1] - '0';
            int pathway;
            if (data[p + 3] == 'B' && data[p + 4] == 'O' && data[p + 5] == 'L') {
                pathway = 0;
            } else if (data[p + 3] == 'B' && data[p + 4] == 'B' && data[p + 5] == 'L') {
                pathway = 1;
            } else {
                return -1;
            }
            p += 7;
            // modules
            long mask = 0;
            Questionnaire questionnaire = layout.schema().questionnaire;
            while (true) {
                int segment = p;
                while (p < limit && data[p] != '|' && data[p] != ',' && data[p] != '"' && data[p] != '\n') {
                    p++;
                }
                int index = questionnaire.moduleIndex(data, segment, p);
                if (index < 0 || p >= limit || (data[p] != '|' && data[p] != ',')) {
                    return -1;
                }
                mask |= 1L << index;
                if (data[p++] == ',') {
                    break;
                }
            }
            // answers
            ResponseRow row = this.row;
            byte[] states = row.states;
            long[] values = row.values;
            int[] columnQuestion = layout.columnQuestion();
            long[] columnDigits = layout.columnDigits();
            long[] columnModule = layout.columnModule();
            int last = columnQuestion.length - 1;
            fastAnswered = 0; // the answers field() reads
            int digits = 0; // the one-byte answers read here
            for (int c = FIXED_COLUMNS.size(); c < last; c++) {
                int q = columnQuestion[c];
                if (p + 1 < limit) {
                    byte b = data[p];
                    if (b == ',') {
                        states[q] = ResponseRow.EMPTY;
                        p++;
                        continue;
                    }
                    // The common case: one byte that is a whole answer, of a module the respondent has.
                    if (data[p + 1] == ','
                            && (b & 0xC0) == 0
                            && ((columnDigits[c] >>> b) & 1) != 0
                            && (mask & columnModule[c]) != 0) {
                        states[q] = ResponseRow.SUBSTANTIVE;
                        values[q] = b - '0';
                        digits++;
                        p += 2;
                        continue;
                    }
                }
                p = field(data, p, limit, c, mask);
                if (p < 0) {
                    return -1;
                }
            }
            int next = field(data, p, limit, last, mask);
            if (next < 0) {
                return -1;
            }
            row.line = line;
            row.offset = offset;
            row.length = fastRecordEnd - start;
            row.respondent(data, keyFrom, keyTo);
            row.institution = lastInstitution;
            row.location = lastLocation;
            row.level = level;
            row.pathway = pathway;
            row.modules = mask;
            row.answered = digits + fastAnswered;
            return next;
        }

        /** As {@link #special}, a byte at a time: faster for fields of a few bytes. */
        private static int shortFieldEnd(byte[] data, int p, int limit) {
            while (p < limit && data[p] != ',' && data[p] != '"' && data[p] != '\n') {
                p++;
            }
            return p;
        }

        /** The position of the first comma, quote or line end in data[p, limit), or limit; eight bytes at a time. */
        private static int special(byte[] data, int p, int limit) {
            for (; p + 8 <= limit; p += 8) {
                long word = (long) Swar.LONGS.get(data, p);
                long found = Swar.zeros(word ^ Swar.COMMAS)
                        | Swar.zeros(word ^ Swar.QUOTES)
                        | Swar.zeros(word ^ Swar.NEWLINES);
                if (found != 0) {
                    return p + (Long.numberOfTrailingZeros(found) >>> 3);
                }
            }
            for (; p < limit; p++) {
                byte b = data[p];
                if (b == ',' || b == '"' || b == '\n') {
                    return p;
                }
            }
            return limit;
        }

        /**
         * The fast path's reading of any other field, at data[p]: decodes it into the row and returns
         * where the next field starts (after the line end, for the last column), or -1 when the record
         * needs {@link #decode}.
         */
        private int field(byte[] data, int p, int limit, int c, long mask) {
            int q = layout.columnQuestion()[c];
            boolean lastColumn = c == layout.columnQuestion().length - 1;
            if (p >= limit) {
                return -1;
            }
            byte b = data[p];
            int from = p;
            int to;
            if (b == '"') {
                from++;
                to = from;
                while (to < limit && data[to] != '"' && data[to] != '\n') {
                    to++;
                }
                if (to + 1 >= limit || data[to] != '"' || data[to + 1] == '"') {
                    return -1; // a line end inside quotes, a doubled quote, or no closing quote
                }
                p = to + 1;
            } else {
                p = shortFieldEnd(data, p, limit);
                to = p;
            }
            // p is at the byte after the field: a comma before every field but the last
            boolean end = p >= limit || data[p] == '\n';
            if (end != lastColumn || (!end && data[p] != ',')) {
                return -1;
            }
            if (end) {
                if (to > from && data[to - 1] == '\r' && b != '"') {
                    to--;
                }
                fastRecordEnd = b == '"' ? p : to;
            }
            p = Math.min(p + 1, limit);
            if (from == to) {
                row.states[q] = ResponseRow.EMPTY;
                return p;
            }
            if ((mask & layout.columnModule()[c]) == 0
                    || layout.schema().rules[q].decode(data, from, to, row.states, row.values, q) != null) {
                return -1;
            }
            fastAnswered++;
            return p;
        }

        private boolean reject(RejectReason reason, String column, String value) {
            rejected = new Reject(row.line, row.respondent(), reason, column, value);
            return false;
        }

        /**
         * Rejects the record for its {@linkplain Fields#malformed malformed} quoted field. The value is the
         * field as written, quotes included; open text and a field without a closing quote (which runs
         * on into the lines after it) are described rather than shown.
         */
        private boolean rejectMalformed(byte[] data, List<String> header) {
            int f = fields.malformed;
            String value;
            if (fields.unclosed()) {
                value = "(no closing quote)";
            } else if (f >= FIXED_COLUMNS.size()
                    && layout.schema().rules[layout.columnQuestion()[f]].isText()) {
                value = "(" + (fields.malformedTo - fields.malformedFrom) + " bytes of open text)";
            } else {
                value = fields.malformedText(data);
            }
            return reject(RejectReason.MALFORMED, header.get(f), value);
        }

        /**
         * Decodes the record whose fields were just split into {@link #row}; false with {@link #rejected}
         * set when it is rejected.
         */
        boolean decode(byte[] data, long line, long offset, int length) {
            row.clear();
            row.line = line;
            row.offset = offset;
            row.length = length;
            List<String> header = layout.header();
            if (fields.escaped[0]) {
                byte[] key = fields.unescaped(data, 0);
                row.respondent(key, 0, key.length);
            } else {
                row.respondent(data, fields.starts[0], fields.ends[0]);
            }
            if (fields.count != header.size()) {
                return reject(RejectReason.FIELD_COUNT, "", fields.count + " fields, expected " + header.size());
            }
            if (fields.malformed >= 0) {
                return rejectMalformed(data, header);
            }
            if (fields.ends[0] == fields.starts[0]) {
                return reject(RejectReason.MISSING_RESPONDENT, "respondent", "");
            }
            if (lastInstitution == null || !fields.is(data, 1, lastInstitutionBytes)) {
                lastInstitution = fields.text(data, 1);
                lastInstitutionBytes = lastInstitution.getBytes(StandardCharsets.UTF_8);
            }
            if (lastLocation == null || !fields.is(data, 2, lastLocationBytes)) {
                lastLocation = fields.text(data, 2);
                lastLocationBytes = lastLocation.getBytes(StandardCharsets.UTF_8);
            }
            row.institution = lastInstitution;
            row.location = lastLocation;
            if (knownLocations != null) {
                Set<String> locations = knownLocations.get(row.institution);
                lastKnown = locations != null && locations.contains(row.location);
                if (locations == null) {
                    return reject(RejectReason.UNKNOWN_INSTITUTION, "institution", row.institution);
                }
                if (!locations.contains(row.location)) {
                    return reject(RejectReason.UNKNOWN_LOCATION, "location", row.location);
                }
            } else if (row.institution.isEmpty()) {
                return reject(RejectReason.UNKNOWN_INSTITUTION, "institution", "");
            } else if (row.location.isEmpty()) {
                return reject(RejectReason.UNKNOWN_LOCATION, "location", "");
            }
            int levelAt = fields.starts[3];
            if (fields.ends[3] - levelAt != 1 || data[levelAt] < '1' || data[levelAt] > '4') {
                return reject(RejectReason.INVALID_LEVEL, "level", fields.text(data, 3));
            }
            row.level = data[levelAt] - '0';
            if (fields.is(data, 4, BOL)) {
                row.pathway = 0;
            } else if (fields.is(data, 4, BBL)) {
                row.pathway = 1;
            } else {
                return reject(RejectReason.INVALID_PATHWAY, "pathway", fields.text(data, 4));
            }
            long mask = 0;
            int segment = fields.starts[5];
            int end = fields.ends[5];
            if (fields.escaped[5]) {
                return reject(RejectReason.UNKNOWN_MODULE, "modules", fields.text(data, 5));
            }
            Questionnaire questionnaire = layout.schema().questionnaire;
            do { // at least once: an empty field names no module, and is rejected as the empty id
                int stop = segment;
                while (stop < end && data[stop] != '|') {
                    stop++;
                }
                int index = questionnaire.moduleIndex(data, segment, stop);
                if (index < 0) {
                    return reject(
                            RejectReason.UNKNOWN_MODULE,
                            "modules",
                            new String(data, segment, stop - segment, StandardCharsets.UTF_8));
                }
                mask |= 1L << index;
                segment = stop + 1;
                if (segment == end) {
                    return reject(RejectReason.UNKNOWN_MODULE, "modules", ""); // a trailing '|'
                }
            } while (segment < end);
            row.modules = mask;
            int[] columnQuestion = layout.columnQuestion();
            AnswerRule[] rules = layout.schema().rules;
            for (int c = FIXED_COLUMNS.size(); c < fields.count; c++) {
                int from = fields.starts[c];
                int to = fields.ends[c];
                if (from == to) {
                    continue;
                }
                int q = columnQuestion[c];
                AnswerRule rule = rules[q];
                if ((mask & (1L << rule.module())) == 0) {
                    return reject(
                            RejectReason.OUTSIDE_MODULES,
                            header.get(c),
                            rule.isText() ? "(open text)" : fields.text(data, c));
                }
                byte[] source = data;
                if (fields.escaped[c]) {
                    source = fields.unescaped(data, c);
                    from = 0;
                    to = source.length;
                }
                ProblemCode problem = rule.decode(source, from, to, row.states, row.values, q);
                if (problem != null) {
                    String value = rule.isText()
                            ? "(" + (to - from) + " bytes of open text)"
                            : new String(source, from, to - from, StandardCharsets.UTF_8);
                    return reject(RejectReason.of(problem), header.get(c), value);
                }
                row.answered++;
            }
            return true;
        }
    }

    // ------------------------------------------------------------------------------------ fields

    /** The fields of one record: ranges into the data, with a flag for quoted fields with doubled quotes. */
    static final class Fields {
        int[] starts = new int[256];
        int[] ends = new int[256];
        boolean[] escaped = new boolean[256];
        int count;

        /** Where the last split record's content ends (before its line end). */
        int recordEnd;
        /** The line ends inside quoted fields of the last split record. */
        int innerNewlines;
        /**
         * The first field of the last split record that is quoted but not well formed (text between its
         * closing quote and the next delimiter, or no closing quote), or -1; its bytes from the opening
         * quote are data[malformedFrom, malformedTo).
         */
        int malformed;

        int malformedFrom;
        int malformedTo;

        /** Whether the {@link #malformed} field has no closing quote (it runs to the end of the data). */
        boolean unclosed() {
            return ends[malformed] == malformedTo;
        }

        /** The {@link #malformed} field as written, from its opening quote. */
        String malformedText(byte[] data) {
            return new String(data, malformedFrom, malformedTo - malformedFrom, StandardCharsets.UTF_8);
        }

        /**
         * Splits the record that starts at {@code start} into fields, up to its line end outside quotes
         * or {@code limit}; returns where the next record starts. Unquoted stretches are scanned eight
         * bytes at a time: a word without quote or line end yields all its commas at once.
         */
        int split(byte[] data, int start, int limit) {
            count = 0;
            innerNewlines = 0;
            malformed = -1;
            int fieldStart = start;
            int i = start;
            while (true) {
                if (i + 8 <= limit) {
                    long word = (long) Swar.LONGS.get(data, i);
                    long specials = Swar.zeros(word ^ Swar.QUOTES) | Swar.zeros(word ^ Swar.NEWLINES);
                    if (specials == 0 && data[fieldStart] != '"') {
                        long commas = Swar.zeros(word ^ Swar.COMMAS);
                        while (commas != 0) {
                            int at = i + (Long.numberOfTrailingZeros(commas) >>> 3);
                            add(fieldStart, at, false);
                            fieldStart = at + 1;
                            commas &= commas - 1;
                        }
                        i += 8;
                        continue;
                    }
                }
                if (i >= limit) {
                    int end = limit > fieldStart && data[limit - 1] == '\r' ? limit - 1 : limit;
                    add(fieldStart, end, false);
                    recordEnd = end;
                    return limit;
                }
                byte b = data[i];
                if (b == ',') {
                    add(fieldStart, i, false);
                    fieldStart = ++i;
                } else if (b == '\n') {
                    int end = i > fieldStart && data[i - 1] == '\r' ? i - 1 : i;
                    add(fieldStart, end, false);
                    recordEnd = end;
                    return i + 1;
                } else if (b == '"' && i == fieldStart) {
                    i = quoted(data, i, limit);
                    if (i >= limit || data[i] == '\n') {
                        recordEnd = i;
                        return i >= limit ? limit : i + 1;
                    }
                    fieldStart = ++i; // after the comma
                    if (fieldStart == limit) {
                        add(limit, limit, false);
                        recordEnd = limit;
                        return limit;
                    }
                } else {
                    i++;
                }
            }
        }

        /**
         * Reads the quoted field at data[i] (a quote); returns the position of the delimiter after it. Text
         * between the closing quote and the delimiter, or a missing closing quote, makes the field
         * {@link #malformed}.
         */
        private int quoted(byte[] data, int i, int limit) {
            int from = i + 1;
            int j = from;
            boolean doubled = false;
            while (j < limit) {
                byte c = data[j];
                if (c == '"') {
                    if (j + 1 < limit && data[j + 1] == '"') {
                        doubled = true;
                        j += 2;
                        continue;
                    }
                    break;
                }
                if (c == '\n') {
                    innerNewlines++;
                }
                j++;
            }
            add(from, Math.min(j, limit), doubled);
            int k = j + 1;
            byte b;
            while (k < limit && (b = data[k]) != ',' && b != '\n') {
                k++;
            }
            // A \r before the line end (or at the end of the data) ends the line, not the field.
            int end = Math.min(k, limit);
            if (end > j + 1 && data[end - 1] == '\r' && (k >= limit || data[k] == '\n')) {
                end--;
            }
            if ((j >= limit || end > j + 1) && malformed < 0) {
                malformed = count - 1;
                malformedFrom = i;
                malformedTo = Math.min(end, limit);
            }
            return Math.min(k, limit);
        }

        private void add(int from, int to, boolean doubled) {
            if (count == starts.length) {
                starts = java.util.Arrays.copyOf(starts, count * 2);
                ends = java.util.Arrays.copyOf(ends, count * 2);
                escaped = java.util.Arrays.copyOf(escaped, count * 2);
            }
            starts[count] = from;
            ends[count] = to;
            escaped[count] = doubled;
            count++;
        }

        /** Whether the field is exactly these bytes (an unquoted or quoted field without doubled quotes). */
        boolean is(byte[] data, int field, byte[] value) {
            return !escaped[field] && java.util.Arrays.equals(data, starts[field], ends[field], value, 0, value.length);
        }

        String text(byte[] data, int field) {
            if (escaped[field]) {
                return new String(unescaped(data, field), StandardCharsets.UTF_8);
            }
            return new String(data, starts[field], ends[field] - starts[field], StandardCharsets.UTF_8);
        }

        byte[] unescaped(byte[] data, int field) {
            byte[] out = new byte[ends[field] - starts[field]];
            int n = 0;
            for (int i = starts[field]; i < ends[field]; i++) {
                out[n++] = data[i];
                if (data[i] == '"' && i + 1 < ends[field] && data[i + 1] == '"') {
                    i++;
                }
            }
            return java.util.Arrays.copyOf(out, n);
        }
    }

    // ------------------------------------------------------------------------------------ double logins

    /** The respondent keys a worker accepted, as 128-bit hashes with where their rows are. */
    static final class Keys {
        long[] h1;
        long[] h2;
        long[] lines;
        long[] offsets;
        int[] lengths;
        int[] answered;
        int size;

        /** The most keys these arrays grow to. */
        final int limit;

        /** Room for this many keys at first; it grows when needed, up to {@code limit}. */
        Keys(int capacity, int limit) {
            this.limit = limit;
            h1 = new long[capacity];
            h2 = new long[capacity];
            lines = new long[capacity];
            offsets = new long[capacity];
            lengths = new int[capacity];
            answered = new int[capacity];
        }

        void add(byte[] data, int from, int to, long line, long offset, int length, int answers) {
            // Two independent 64-bit hashes of the key, in one pass over its bytes. The last word holds
            // the 0 to 7 bytes after the whole words and, in its top byte, how many they are: so keys of
            // the same words but other lengths end in other words, and hash apart.
            long a = SEED1;
            long b = SEED2;
            int i = from;
            for (; i + 8 <= to; i += 8) {
                long word = (long) Swar.LONGS.get(data, i);
                a = Long.rotateLeft((a ^ word) * MULTIPLIER, 29) + SEED1;
                b = Long.rotateLeft((b ^ word) * MULTIPLIER, 29) + SEED2;
            }
            long tail = (long) (to - i) << 56;
            for (int shift = 0; i < to; i++, shift += 8) {
                tail |= (data[i] & 0xFFL) << shift;
            }
            put(
                    mix(Long.rotateLeft((a ^ tail) * MULTIPLIER, 29) + SEED1),
                    mix(Long.rotateLeft((b ^ tail) * MULTIPLIER, 29) + SEED2),
                    line,
                    offset,
                    length,
                    answers);
        }

        /** Adds a key by its hashes. */
        void put(long hash1, long hash2, long line, long offset, int length, int answers) {
            if (size == h1.length) {
                int n = (int) Math.min(limit, 2L * size);
                h1 = java.util.Arrays.copyOf(h1, n);
                h2 = java.util.Arrays.copyOf(h2, n);
                lines = java.util.Arrays.copyOf(lines, n);
                offsets = java.util.Arrays.copyOf(offsets, n);
                lengths = java.util.Arrays.copyOf(lengths, n);
                answered = java.util.Arrays.copyOf(answered, n);
            }
            h1[size] = hash1;
            h2[size] = hash2;
            lines[size] = line;
            offsets[size] = offset;
            lengths[size] = length;
            answered[size] = answers;
            size++;
        }

        /** Whether the keys have reached their limit. */
        boolean full() {
            return size == limit;
        }

        /** The seeds and multiplier of the two key hashes (eight bytes at a time, one seed each). */
        private static final long SEED1 = 0x9E3779B97F4A7C15L;

        private static final long SEED2 = 0xC2B2AE3D27D4EB4FL;
        private static final long MULTIPLIER = 0x9FB21C651E98DF25L;

        /** The final avalanche of a hash (MurmurHash3's fmix64). */
        private static long mix(long h) {
            h ^= h >>> 33;
            h *= 0xFF51AFD7ED558CCDL;
            h ^= h >>> 33;
            h *= 0xC4CEB9FE1A85EC53L;
            h ^= h >>> 33;
            return h;
        }
    }

    /**
     * An open-addressing table from key hash to the row kept so far; collects the losing rows. A slot
     * holds the first hash and a reference to the key in its worker's {@link Keys} (16 bytes a slot),
     * so that the keys are not copied.
     */
    static final class KeyTable {
        final List<Keys> keys;
        final long[] h1;
        /** Per slot: 0 when empty, else worker << 32 | index, plus 1. */
        final long[] refs;

        final int mask;
        /** The losing rows: references to their keys, and the slot whose final winner they lost to. */
        private final List<long[]> lost = new ArrayList<>();

        /**
         * The losing rows of these keys as {line, offset, length, kept line}, the kept line being the
         * final winner's.
         */
        static List<long[]> losers(List<Keys> keys) {
            KeyTable table = new KeyTable(keys);
            for (int k = 0; k < keys.size(); k++) {
                for (int i = 0; i < keys.get(k).size; i++) {
                    table.offer(k, i);
                }
            }
            List<long[]> rows = new ArrayList<>();
            for (long[] loser : table.lost) {
                Keys of = table.keys(loser[0]);
                int i = index(loser[0]);
                long winner = table.refs[(int) loser[1]];
                rows.add(new long[] {of.lines[i], of.offsets[i], of.lengths[i], table.keys(winner).lines[index(winner)]
                });
            }
            return rows;
        }

        private KeyTable(List<Keys> keys) {
            this.keys = keys;
            int expected = keys.stream().mapToInt(k -> k.size).sum();
            int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
            h1 = new long[capacity];
            refs = new long[capacity];
            mask = capacity - 1;
        }

        private void offer(int worker, int i) {
            Keys offered = keys.get(worker);
            long hash = offered.h1[i];
            int slot = (int) hash & mask;
            while (refs[slot] != 0 && (h1[slot] != hash || keys(refs[slot]).h2[index(refs[slot])] != offered.h2[i])) {
                slot = (slot + 1) & mask;
            }
            long ref = ((long) worker << 32 | i) + 1;
            if (refs[slot] == 0) {
                h1[slot] = hash;
                refs[slot] = ref;
                return;
            }
            Keys kept = keys(refs[slot]);
            int k = index(refs[slot]);
            boolean newWins = offered.answered[i] > kept.answered[k]
                    || (offered.answered[i] == kept.answered[k] && offered.lines[i] > kept.lines[k]);
            if (newWins) {
                lost.add(new long[] {refs[slot], slot});
                refs[slot] = ref;
            } else {
                lost.add(new long[] {ref, slot});
            }
        }

        private Keys keys(long ref) {
            return keys.get((int) ((ref - 1) >>> 32));
        }

        private static int index(long ref) {
            return (int) (ref - 1);
        }
    }
}
