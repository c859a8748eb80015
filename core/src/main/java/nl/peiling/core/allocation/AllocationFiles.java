package nl.peiling.core.allocation;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.peiling.core.io.AtomicFiles;
import nl.peiling.core.io.Csv;
import nl.peiling.core.io.IoFailure;
import nl.peiling.core.io.Utf8;

/**
 * The data files of allocation (SPEC section 5): reading {@code students.csv}
 * ({@code respondent,institution,location}) and writing {@code allocation.csv}
 * ({@code respondent,institution,location,modules}, modules joined with {@code |} in order).
 *
 * <p>Both are UTF-8 CSV with a header row and RFC 4180 quoting. Reading stops at the first bad row with
 * its line number and reason; writing goes to a temporary file beside the target that is then moved
 * into place, so a failed run never leaves a half-written allocation.
 */
public final class AllocationFiles {

    /** The columns of {@code students.csv}. */
    public static final List<String> STUDENT_COLUMNS = List.of("respondent", "institution", "location");

    /** The columns of {@code allocation.csv}. */
    public static final List<String> ALLOCATION_COLUMNS = List.of("respondent", "institution", "location", "modules");

    private static final CsvFactory CSV =
            CsvFactory.builder().enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

    private AllocationFiles() {}

    /**
     * Reads {@code students.csv}, checking every row against the institutions: the header names the three
     * columns (in any order), every row has three non-empty fields, the institution and its location are
     * known, and no respondent key repeats. Empty lines are skipped.
     *
     * @throws StudentsException at the first bad row, or when the file cannot be read
     */
    public static List<Respondent> readStudents(Path file, List<Institution> institutions) {
        requireNonNull(file, "file");
        requireNonNull(institutions, "institutions");
        Map<String, Set<String>> locations = new LinkedHashMap<>();
        for (Institution institution : institutions) {
            locations.putIfAbsent(institution.code(), Set.copyOf(institution.locationCodes()));
        }
        String name = file.toString();
        List<Respondent> respondents = new ArrayList<>();
        Map<String, Integer> lines = new HashMap<>();
        int line = 0;
        try (InputStream in = Files.newInputStream(file);
                CsvParser parser = (CsvParser) CSV.createParser(in)) {
            int[] columns = null;
            List<String> fields = new ArrayList<>(4);
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.START_ARRAY) {
                    fields.clear();
                    line = 0;
                } else if (token == JsonToken.VALUE_STRING) {
                    if (line == 0) {
                        line = parser.currentTokenLocation().getLineNr();
                    }
                    fields.add(parser.getText());
                } else if (token == JsonToken.END_ARRAY) {
                    if (columns == null) {
                        columns = header(name, line, fields);
                    } else {
                        Respondent respondent = row(name, line, fields, columns, locations);
                        Integer earlier = lines.putIfAbsent(respondent.key(), line);
                        if (earlier != null) {
                            throw new StudentsException(
                                    name,
                                    line,
                                    "respondent key \"" + respondent.key() + "\" repeats line " + earlier
                                            + "; each student appears once");
                        }
                        respondents.add(respondent);
                    }
                }
            }
            if (columns == null) {
                throw new StudentsException(
                        name, 1, "the file is empty; expected the header " + String.join(",", STUDENT_COLUMNS));
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int where = at != null && at.getLineNr() > 0 ? at.getLineNr() : line;
            throw new StudentsException(name, where, "malformed CSV: " + e.getOriginalMessage(), e);
        } catch (CharConversionException e) {
            throw new StudentsException(name, (int) invalidLine(file), "not UTF-8 text (is the file UTF-8?)", e);
        } catch (IOException e) {
            throw new StudentsException(name, 0, "cannot read the file: " + IoFailure.describe(e), e);
        }
        return respondents;
    }

    private static int[] header(String file, int line, List<String> fields) {
        int[] columns = new int[STUDENT_COLUMNS.size()];
        Arrays.fill(columns, -1);
        for (int i = 0; i < fields.size(); i++) {
            String field = fields.get(i).strip();
            int column = STUDENT_COLUMNS.indexOf(field);
            if (column < 0) {
                throw new StudentsException(
                        file,
                        line,
                        "unknown column \"" + fields.get(i) + "\" in the header (expected "
                                + String.join(",", STUDENT_COLUMNS) + ")");
            }
            if (columns[column] >= 0) {
                throw new StudentsException(file, line, "column \"" + field + "\" appears twice in the header");
            }
            columns[column] = i;
        }
        for (int c = 0; c < columns.length; c++) {
            if (columns[c] < 0) {
                throw new StudentsException(
                        file,
                        line,
                        "the header lacks column \"" + STUDENT_COLUMNS.get(c) + "\" (expected "
                                + String.join(",", STUDENT_COLUMNS) + ", found " + String.join(",", fields) + ")");
            }
        }
        return columns;
    }

    private static Respondent row(
            String file, int line, List<String> fields, int[] columns, Map<String, Set<String>> locations) {
        if (fields.size() != columns.length) {
            throw new StudentsException(
                    file,
                    line,
                    String.format(
                            Locale.ROOT,
                            "expected %d fields (%s), found %d",
                            columns.length,
                            String.join(",", STUDENT_COLUMNS),
                            fields.size()));
        }
        String key = fields.get(columns[0]);
        String institution = fields.get(columns[1]);
        String location = fields.get(columns[2]);
        for (int c = 0; c < columns.length; c++) {
            String value = fields.get(columns[c]);
            if (value.isBlank()) {
                throw new StudentsException(file, line, STUDENT_COLUMNS.get(c) + " is empty");
            }
            if (!value.equals(value.strip())) {
                throw new StudentsException(
                        file,
                        line,
                        STUDENT_COLUMNS.get(c) + " \"" + value
                                + "\" has leading or trailing spaces; codes and keys are compared exactly");
            }
        }
        Set<String> known = locations.get(institution);
        if (known == null) {
            throw new StudentsException(
                    file,
                    line,
                    "unknown institution \"" + institution + "\" (institutions: " + list(locations.keySet()) + ")");
        }
        if (!known.contains(location)) {
            throw new StudentsException(
                    file,
                    line,
                    "location \"" + location + "\" is not a location of institution " + institution + " (locations: "
                            + list(new TreeSet<>(known)) + ")");
        }
        return new Respondent(key, institution, location);
    }

    private static String list(Collection<String> values) {
        List<String> list = List.copyOf(values);
        return list.size() <= 10
                ? String.join(", ", list)
                : String.join(", ", list.subList(0, 10)) + ", … (" + list.size() + " in all)";
    }

    /**
     * Writes {@code allocation.csv}: one row per respondent in the input's order. The file is written to
     * a temporary file in the target's directory and then moved over the target atomically, so readers
     * see the old file or the whole new one, never a part.
     */
    public static void writeAllocation(Path target, Allocations allocations) throws IOException {
        requireNonNull(target, "target");
        requireNonNull(allocations, "allocations");
        AtomicFiles.write(target, out -> {
            out.write(String.join(",", ALLOCATION_COLUMNS));
            out.write('\n');
            for (int i = 0; i < allocations.size(); i++) {
                Respondent respondent = allocations.respondent(i);
                out.write(Csv.quote(respondent.key()));
                out.write(',');
                out.write(Csv.quote(respondent.institution()));
                out.write(',');
                out.write(Csv.quote(respondent.location()));
                out.write(',');
                out.write(Csv.quote(allocations.get(i).modulesField()));
                out.write('\n');
            }
        });
    }

    /** The line of the first bytes of the file that are not UTF-8, or 0 when it cannot be told. */
    private static long invalidLine(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Math.max(0, Utf8.invalidLine(in));
        } catch (IOException e) {
            return 0;
        }
    }
}
