package nl.peiling.core.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllocationFilesTest {

    private static final List<Institution> INSTITUTIONS = List.of(
            Institution.of("25LZ", List.of("llo", "welzijn", "stage"), List.of(), "01", "02"),
            Institution.of("30RC", List.of("positie", "nabijheid", "geldzorgen"), List.of(), "01"));

    @TempDir
    Path dir;

    private Path students(String content) throws IOException {
        Path file = dir.resolve("students.csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private StudentsException failure(String content) throws IOException {
        Path file = students(content);
        try {
            AllocationFiles.readStudents(file, INSTITUTIONS);
        } catch (StudentsException e) {
            assertThat(e.file()).isEqualTo(file.toString());
            return e;
        }
        throw new AssertionError("no StudentsException for " + content);
    }

    @Test
    void readStudents_quotedFieldsBomEmptyLinesAndAnyColumnOrder() throws IOException {
        Path file = students(
                "\uFEFFinstitution,respondent,location\r\n25LZ,\"a,b\",01\r\n\r\n30RC,\"x\"\"y\",01\n25LZ,c,02\n");
        assertThat(AllocationFiles.readStudents(file, INSTITUTIONS))
                .containsExactly(
                        Respondent.of("a,b", "25LZ", "01"),
                        Respondent.of("x\"y", "30RC", "01"),
                        Respondent.of("c", "25LZ", "02"));
    }

    @Test
    void readStudents_unknownInstitution_stopsWithTheLine() throws IOException {
        StudentsException e = failure("respondent,institution,location\na,25LZ,01\nb,99XX,01\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.reason()).isEqualTo("unknown institution \"99XX\" (institutions: 25LZ, 30RC)");
        assertThat(e.getMessage())
                .endsWith("students.csv line 3: unknown institution \"99XX\" (institutions: 25LZ, 30RC)");
    }

    @Test
    void readStudents_unknownLocation_stopsWithTheLine() throws IOException {
        StudentsException e = failure("respondent,institution,location\na,25LZ,01\n\nb,30RC,02\n");
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.reason()).isEqualTo("location \"02\" is not a location of institution 30RC (locations: 01)");
    }

    @Test
    void readStudents_duplicateKey_namesBothLines() throws IOException {
        StudentsException e = failure("respondent,institution,location\na,25LZ,01\nb,25LZ,01\na,30RC,01\n");
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.reason()).isEqualTo("respondent key \"a\" repeats line 2; each student appears once");
    }

    @Test
    void readStudents_malformedRows_stopWithTheLine() throws IOException {
        assertThat(failure("respondent,institution,location\na,25LZ\n").reason())
                .isEqualTo("expected 3 fields (respondent,institution,location), found 2");
        assertThat(failure("respondent,institution,location\na,25LZ,01,x\n").line())
                .isEqualTo(2);
        assertThat(failure("respondent,institution,location\n,25LZ,01\n").reason())
                .isEqualTo("respondent is empty");
        assertThat(failure("respondent,institution,location\na,25LZ ,01\n").reason())
                .isEqualTo("institution \"25LZ \" has leading or trailing spaces; codes and keys are compared exactly");
        StudentsException quote = failure("respondent,institution,location\na,25LZ,01\n\"b,25LZ,01\n");
        assertThat(quote.reason()).startsWith("malformed CSV: Missing closing quote");
        assertThat(quote.line()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void readStudents_badHeader_stopsAtLineOne() throws IOException {
        assertThat(failure("respondent,institution\na,25LZ\n").reason())
                .isEqualTo(
                        "the header lacks column \"location\" (expected respondent,institution,location, found respondent,institution)");
        assertThat(failure("respondent,instelling,location\n").reason())
                .isEqualTo("unknown column \"instelling\" in the header (expected respondent,institution,location)");
        assertThat(failure("").reason()).startsWith("the file is empty");
        assertThat(failure("respondent,institution,location,respondent\n").reason())
                .isEqualTo("column \"respondent\" appears twice in the header");
    }

    @Test
    void readStudents_notUtf8_isAStudentsException() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, "respondent,institution,location\nJos\u00e9,25LZ,01\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> AllocationFiles.readStudents(file, INSTITUTIONS))
                .isInstanceOf(StudentsException.class);
    }

    @Test
    void readStudents_missingFile_isAStudentsExceptionWithoutLine() {
        Path missing = dir.resolve("missing.csv");
        assertThatThrownBy(() -> AllocationFiles.readStudents(missing, INSTITUTIONS))
                .isInstanceOfSatisfying(
                        StudentsException.class, e -> assertThat(e.line()).isZero())
                .hasMessageStartingWith(missing + ": cannot read the file: no such file");
    }

    @Test
    void writeAllocation_writesQuotedRowsInInputOrderAndLeavesNoTemporaryFile() throws IOException {
        Allocator allocator = Allocator.of(Fixtures.edition2027(), INSTITUTIONS, "seed");
        List<Respondent> respondents = List.of(
                Respondent.of("z,1", "25LZ", "02"),
                Respondent.of("a", "30RC", "01"),
                Respondent.of("m\"x", "25LZ", "01"));
        Allocations allocations = allocator.allocateBatch(respondents);
        Path target = dir.resolve("out/allocation.csv");
        AllocationFiles.writeAllocation(target, allocations);
        List<String> lines = Files.readAllLines(target);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("respondent,institution,location,modules");
        assertThat(lines.get(1)).startsWith("\"z,1\",25LZ,02,basis|llo|welzijn|stage|");
        assertThat(lines.get(2)).startsWith("a,30RC,01,basis|positie|nabijheid|geldzorgen|");
        assertThat(lines.get(3)).startsWith("\"m\"\"x\",25LZ,01,basis|llo|welzijn|stage|");
        assertThat(lines.get(1).split("\\|")).hasSize(6);
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("allocation.csv");
        }
        // The written file reads back as the same respondents.
        Path back = dir.resolve("back.csv");
        Files.write(
                back,
                lines.stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList());
        assertThat(AllocationFiles.readStudents(back, INSTITUTIONS)).containsExactlyElementsOf(respondents);
    }

    @Test
    void writeAllocation_replacesTheOldFileWhole_andLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("allocation.csv");
        Files.writeString(target, "old\nold\nold\nold\n");
        Allocator allocator = Allocator.of(Fixtures.edition2027(), INSTITUTIONS, "seed");
        Allocations allocations = allocator.allocateBatch(List.of(Respondent.of("a", "25LZ", "01")));

        AllocationFiles.writeAllocation(target, allocations);

        assertThat(Files.readAllLines(target))
                .containsExactly(
                        "respondent,institution,location,modules",
                        "a,25LZ,01," + allocations.get(0).modulesField());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("allocation.csv");
        }
    }

    @Test
    void writeAllocation_failure_leavesTheTargetAsItWasAndNoTemporaryFile() throws IOException {
        // The target is a folder with a file in it: the move over it fails after the rows were written.
        Path target = dir.resolve("allocation.csv");
        Files.createDirectories(target);
        Files.writeString(target.resolve("inside.txt"), "old\n");
        Allocator allocator = Allocator.of(Fixtures.edition2027(), INSTITUTIONS, "seed");
        Allocations allocations = allocator.allocateBatch(List.of(Respondent.of("a", "25LZ", "01")));

        assertThatThrownBy(() -> AllocationFiles.writeAllocation(target, allocations))
                .isInstanceOf(IOException.class);

        assertThat(Files.readString(target.resolve("inside.txt"))).isEqualTo("old\n");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("allocation.csv");
        }
    }
}
