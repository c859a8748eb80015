package nl.peiling.stats.sampling;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.peiling.core.model.Edition;
import nl.peiling.core.model.Module;
import nl.peiling.stats.responses.ReadResult;
import nl.peiling.stats.responses.Reject;
import nl.peiling.stats.responses.ResponseFormatException;
import nl.peiling.stats.responses.ResponseReader;
import nl.peiling.stats.responses.ResponseRow;
import nl.peiling.stats.responses.RowSink;

/**
 * The responses of a {@code responses.csv} counted for the barometer, read by the one responses reader
 * ({@link ResponseReader}) with the rules {@code aggregate} applies: every row checked against the
 * edition and the population's institutions and locations, a bad row rejected (never the whole file),
 * and of a double login only the row that {@code aggregate} keeps counted. So the barometer and the
 * aggregation count the same respondents.
 *
 * @param counts the accepted respondents per institution and location, and per institution and module
 * @param rows the data rows read
 * @param accepted the rows counted
 * @param rejects the rejected rows, in line order
 * @param rejectsFile what a rejects file lists: the rejected rows and the routed-out answers, as {@code
 *     aggregate} writes it
 */
public record CountedResponses(
        ResponseCounts counts, long rows, long accepted, List<Reject> rejects, List<Reject> rejectsFile) {

    public CountedResponses {
        requireNonNull(counts, "counts");
        rejects = List.copyOf(rejects);
        rejectsFile = List.copyOf(rejectsFile);
    }

    /**
     * Reads a responses file against an edition, counting the accepted rows; institutions and locations
     * outside the population are rejected.
     *
     * @throws ResponseFormatException naming the file when it cannot be read or its header is wrong
     */
    public static CountedResponses read(Path file, Population population, Edition edition) {
        requireNonNull(file, "file");
        requireNonNull(population, "population");
        requireNonNull(edition, "edition");
        Map<String, Set<String>> known = new HashMap<>();
        for (String institution : population.institutions()) {
            known.put(institution, population.locations(institution).keySet());
        }
        List<String> modules = edition.modules().stream().map(Module::id).toList();
        ReadResult<Sink> read =
                ResponseReader.of(edition).withKnownLocations(known).read(file, () -> new Sink(modules.size()));
        // Summed over the workers' sinks first: a taken-back double login is subtracted from the first sink.
        Map<String, Sink.Counts> total = new HashMap<>();
        for (Sink sink : read.sinks()) {
            sink.institutions.forEach((institution, counts) -> {
                Sink.Counts sum = total.computeIfAbsent(institution, k -> new Sink.Counts(modules.size()));
                counts.locations.forEach(
                        (location, n) -> sum.locations.computeIfAbsent(location, k -> new long[1])[0] += n[0]);
                for (int m = 0; m < modules.size(); m++) {
                    sum.modules[m] += counts.modules[m];
                }
            });
        }
        ResponseTally tally = ResponseTally.over(population);
        total.forEach((institution, counts) -> {
            counts.locations.forEach((location, n) -> tally.addResponses(institution, location, n[0]));
            for (int m = 0; m < modules.size(); m++) {
                if (counts.modules[m] > 0) {
                    tally.addAllocated(institution, modules.get(m), counts.modules[m]);
                }
            }
        });
        return new CountedResponses(tally.snapshot(), read.rows(), read.accepted(), read.rejects(), read.rejectsFile());
    }

    /** The number of rejected rows. */
    public long rejected() {
        return rejects.size();
    }

    /** Counts the rows of one worker; a taken-back row counts −1. */
    private static final class Sink implements RowSink {
        /** One institution's respondents per location, and per module (by the edition's module index). */
        static final class Counts {
            final Map<String, long[]> locations = new HashMap<>();
            final long[] modules;

            Counts(int modules) {
                this.modules = new long[modules];
            }
        }

        final Map<String, Counts> institutions = new HashMap<>();
        private final int modules;

        Sink(int modules) {
            this.modules = modules;
        }

        @Override
        public void add(ResponseRow row) {
            count(row, 1);
        }

        @Override
        public void remove(ResponseRow row) {
            count(row, -1);
        }

        private void count(ResponseRow row, int sign) {
            Counts counts = institutions.computeIfAbsent(row.institution(), k -> new Counts(modules));
            counts.locations.computeIfAbsent(row.location(), k -> new long[1])[0] += sign;
            for (long mask = row.modules(); mask != 0; mask &= mask - 1) {
                counts.modules[Long.numberOfTrailingZeros(mask)] += sign;
            }
        }
    }

    @Override
    public String toString() {
        return "CountedResponses[" + rows + " rows, " + accepted + " accepted, " + rejects.size() + " rejected]";
    }
}
