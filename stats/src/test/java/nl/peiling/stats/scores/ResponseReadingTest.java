package nl.peiling.stats.scores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.peiling.stats.responses.Reject;
import nl.peiling.stats.responses.RejectReason;
import nl.peiling.stats.responses.ResponseFormatException;
import nl.peiling.stats.responses.ResponseReader;
import nl.peiling.stats.responses.ResponseRow;
import nl.peiling.stats.responses.RowSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader's rules on real files: every reject reason, the double-login rule, quoting and headers. */
class ResponseReadingTest {

    @TempDir
    Path dir;

    private Aggregation read(TestEdition.Csv csv) {
        return Aggregator.of(ResponseReader.of(TestEdition.EDITION)
                        .withKnownLocations(Map.of("X", Set.of("01", "02"), "Y", Set.of("01"))))
                .withMinN(1)
                .aggregate(csv.write(dir.resolve("responses.csv")));
    }

    @Test
    void everyRejectReason_withLineColumnAndValue() {
        TestEdition.Csv csv = new TestEdition.Csv()
                .row("ok1", "X", "01", 2, "BOL", "basis", "q1=4")
                .raw("short,X,01")
                .row("", "X", "01", 2, "BOL", "basis", "q1=4")
                .row("a3", "Z", "01", 2, "BOL", "basis", "q1=4")
                .row("a4", "X", "09", 2, "BOL", "basis", "q1=4")
                .row("a5", "X", "01", 5, "BOL", "basis", "q1=4")
                .row("a6", "X", "01", 2, "XYZ", "basis", "q1=4")
                .row("a7", "X", "01", 2, "BOL", "basis|extra", "q1=4")
                .row("a8", "X", "01", 2, "BOL", "basis", "g1=zes")
                .row("a9", "X", "01", 2, "BOL", "basis", "q1=6")
                .row("a10", "X", "01", 2, "BOL", "basis", "g1=11")
                .row("a11", "X", "01", 2, "BOL", "basis", "o1=4")
                .row("a12", "X", "01", 2, "BOL", "basis", "n1=100.5")
                .row("a13", "X", "01", 2, "BOL", "basis", "n1=1,5")
                .row("a14", "X", "01", 2, "BOL", "basis", "m1=a|b|c")
                .row("a15", "X", "01", 2, "BOL", "basis", "t1=elfletters!")
                .row("a16", "X", "01", 2, "BOL", "basis", "s1=misschien")
                .row("ok2", "Y", "01", 1, "BBL", "basis|opt", "o1=nvt");
        Aggregation aggregation = read(csv);
        assertThat(aggregation.rejects())
                .extracting(Reject::line, Reject::respondent, Reject::reason, Reject::column, Reject::value)
                .containsExactly(
                        tuple(3L, "short", RejectReason.FIELD_COUNT, "", "3 fields, expected 17"),
                        tuple(4L, "", RejectReason.MISSING_RESPONDENT, "respondent", ""),
                        tuple(5L, "a3", RejectReason.UNKNOWN_INSTITUTION, "institution", "Z"),
                        tuple(6L, "a4", RejectReason.UNKNOWN_LOCATION, "location", "09"),
                        tuple(7L, "a5", RejectReason.INVALID_LEVEL, "level", "5"),
                        tuple(8L, "a6", RejectReason.INVALID_PATHWAY, "pathway", "XYZ"),
                        tuple(9L, "a7", RejectReason.UNKNOWN_MODULE, "modules", "extra"),
                        tuple(10L, "a8", RejectReason.MALFORMED, "g1", "zes"),
                        tuple(11L, "a9", RejectReason.UNKNOWN_CODE, "q1", "6"),
                        tuple(12L, "a10", RejectReason.OUT_OF_RANGE, "g1", "11"),
                        tuple(13L, "a11", RejectReason.OUTSIDE_MODULES, "o1", "4"),
                        tuple(14L, "a12", RejectReason.OUT_OF_RANGE, "n1", "100.5"),
                        tuple(15L, "a13", RejectReason.FIELD_COUNT, "", "18 fields, expected 17"),
                        tuple(16L, "a14", RejectReason.OUT_OF_RANGE, "m1", "a|b|c"),
                        tuple(17L, "a15", RejectReason.OUT_OF_RANGE, "t1", "(11 bytes of open text)"),
                        tuple(18L, "a16", RejectReason.UNKNOWN_CODE, "s1", "misschien"));
        Results.Input input = aggregation.results().input();
        assertThat(input.rows()).isEqualTo(18);
        assertThat(input.accepted()).isEqualTo(2);
        assertThat(input.rejected()).isEqualTo(16);
        assertThat(input.rows()).isEqualTo(input.accepted() + input.rejected());
        assertThat(aggregation.results().national().n()).isEqualTo(2);
        // o1 has only a non-substantive answer: no substantive n, so its figures are suppressed.
        assertThat(aggregation.results().national().item("o1").orElseThrow().suppressed())
                .isTrue();
    }

    @Test
    void rowsOfAnUnknownLocation_areRejectedEachOne_alsoWhenTheyFollowEachOther() {
        TestEdition.Csv csv = new TestEdition.Csv()
                .row("a1", "Y", "02", 2, "BOL", "basis", "q1=4")
                .row("a2", "Y", "02", 2, "BOL", "basis", "q1=4")
                .row("a3", "Y", "01", 2, "BOL", "basis", "q1=4")
                .row("a4", "Y", "01", 2, "BOL", "basis", "q1=5")
                .row("a5", "Y", "02", 2, "BOL", "basis", "q1=4")
                .row("a6", "Y", "02", 2, "BOL", "basis", "q1=4");
        Aggregation aggregation = read(csv);
        assertThat(aggregation.rejects())
                .extracting(Reject::respondent, Reject::reason, Reject::value)
                .containsExactly(
                        tuple("a1", RejectReason.UNKNOWN_LOCATION, "02"),
                        tuple("a2", RejectReason.UNKNOWN_LOCATION, "02"),
                        tuple("a5", RejectReason.UNKNOWN_LOCATION, "02"),
                        tuple("a6", RejectReason.UNKNOWN_LOCATION, "02"));
        assertThat(aggregation.results().national().item("q1").orElseThrow().mean())
                .isEqualTo(4.5);
    }

    @Test
    void doubleLogin_keepsTheRowWithMostAnswersTiesTheLater() {
        TestEdition.Csv csv = new TestEdition.Csv()
                .row("dup", "X", "01", 2, "BOL", "basis", "q1=1 q2=1")
                .row("dup", "X", "01", 2, "BOL", "basis", "q1=5 q2=5 q3=5")
                .row("tie", "X", "01", 2, "BOL", "basis", "q1=2")
                .row("dup", "X", "02", 3, "BBL", "basis", "q1=3")
                .row("tie", "X", "01", 2, "BOL", "basis", "q1=4");
        Aggregation aggregation = read(csv);
        assertThat(aggregation.rejects())
                .extracting(Reject::line, Reject::respondent, Reject::reason, Reject::value)
                .containsExactly(
                        tuple(2L, "dup", RejectReason.DUPLICATE, "kept line 3"),
                        tuple(4L, "tie", RejectReason.DUPLICATE, "kept line 6"),
                        tuple(5L, "dup", RejectReason.DUPLICATE, "kept line 3"));
        Results results = aggregation.results();
        assertThat(results.input().accepted()).isEqualTo(2);
        // Kept: dup line 3 (q1 = 5) and tie line 6 (q1 = 4); the taken-back rows leave no trace.
        assertThat(results.national().item("q1").orElseThrow().mean()).isEqualTo(4.5);
        assertThat(results.national().n()).isEqualTo(2);
        assertThat(results.group(Map.of("institution", "X", "location", "02"))).isEmpty();
    }

    @Test
    void quotedFields_crlfAndBom_areRead() throws IOException {
        String header = "\uFEFFrespondent,institution,location,level,pathway,modules,"
                + String.join(",", TestEdition.QUESTIONS);
        String content = header + "\r\n"
                + "\"r1\",X,01,2,BOL,\"basis\",\"4\",,,,,,,\"te \"\"kort\"\"\",,,\r\n"
                + "r2,X,01,2,BOL,basis,5,,,,,,,\"twee\nrgls\",,,\r\n";
        Path file = Files.writeString(dir.resolve("responses.csv"), content, StandardCharsets.UTF_8);
        Aggregation aggregation = Aggregator.of(TestEdition.EDITION).withMinN(1).aggregate(file);
        assertThat(aggregation.rejects()).isEmpty();
        assertThat(aggregation.results().input().rows()).isEqualTo(2);
        assertThat(aggregation.results().national().item("q1").orElseThrow().mean())
                .isEqualTo(4.5);
    }

    @Test
    void quotedFields_withTextAfterTheClosingQuoteOrNoClosingQuote_areRejectedAsMalformed() {
        // Columns: respondent … modules, then q1 q2 q3 g1 s1 m1 n1 t1 o1 o2 o3.
        TestEdition.Csv csv = new TestEdition.Csv()
                .raw("b1,X,01,2,BOL,basis,\"3\"9,,,,,,,,,,")
                .raw("b2,\"X\"Y,01,2,BOL,basis,3,,,,,,,,,,")
                .raw("b3,X,01,2,BOL,basis,3,,,,,,,\"kort\" en bondig,,,")
                .raw("ok1,X,01,2,BOL,basis,\"4\",,,,,,,\"kort\",,,\r")
                .raw("b4,X,01,2,BOL,basis,4,,,,,,,,,,\"5\" \r")
                .raw("\"b6\"x,X,01,2,BOL,basis,\"3\"9,,,,,,,,,,")
                .raw("b5,X,01,2,BOL,basis,4,,,,,,,,,,\"5");
        Aggregation aggregation = read(csv);
        assertThat(aggregation.rejects())
                .extracting(Reject::line, Reject::respondent, Reject::reason, Reject::column, Reject::value)
                .containsExactly(
                        tuple(2L, "b1", RejectReason.MALFORMED, "q1", "\"3\"9"),
                        tuple(3L, "b2", RejectReason.MALFORMED, "institution", "\"X\"Y"),
                        tuple(4L, "b3", RejectReason.MALFORMED, "t1", "(16 bytes of open text)"),
                        tuple(6L, "b4", RejectReason.MALFORMED, "o3", "\"5\" "),
                        tuple(7L, "b6", RejectReason.MALFORMED, "respondent", "\"b6\"x"), // its first fault
                        tuple(8L, "b5", RejectReason.MALFORMED, "o3", "(no closing quote)"));
        Results results = aggregation.results();
        assertThat(results.input().rows()).isEqualTo(7);
        assertThat(results.input().accepted()).isEqualTo(1);
        // Nothing of the rejected rows is counted: q1 has only ok1's answer.
        assertThat(results.national().item("q1").orElseThrow().n()).isEqualTo(1);
        assertThat(results.national().item("q1").orElseThrow().mean()).isEqualTo(4.0);
    }

    @Test
    void doubledQuotesAreUndoneBeforeTheChecks_blankLinesAreNoRows_andAnEmptyModulesFieldIsRejected() {
        // Columns: respondent … modules, then q1 q2 q3 g1 s1 m1 n1 t1 o1 o2 o3; t1 has at most 10 characters.
        TestEdition.Csv csv = new TestEdition.Csv()
                .raw("\"r\"\"\"\"1\",X,01,2,BOL,basis,6,,,,,,,,,,")
                .raw("")
                .raw("r2,\"X\"\"Y\",01,2,BOL,basis,3,,,,,,,,,,")
                .raw("ok1,X,01,2,BOL,basis,4,,,,,,,\"a\"\"bcdef\"\"gh\",,,")
                .raw("r4,X,01,2,BOL,basis,4,,,,,,,\"a\"\"bcdefg\"\"gh\",,,")
                .raw("\r")
                .raw("r5,X,01,2,BOL,,,,,,,,,,,,")
                .raw("");
        Aggregation aggregation = read(csv);
        assertThat(aggregation.rejects())
                .extracting(Reject::line, Reject::respondent, Reject::reason, Reject::column, Reject::value)
                .containsExactly(
                        tuple(2L, "r\"\"1", RejectReason.UNKNOWN_CODE, "q1", "6"),
                        tuple(4L, "r2", RejectReason.UNKNOWN_INSTITUTION, "institution", "X\"Y"),
                        tuple(6L, "r4", RejectReason.OUT_OF_RANGE, "t1", "(11 bytes of open text)"),
                        tuple(8L, "r5", RejectReason.UNKNOWN_MODULE, "modules", ""));
        Results.Input input = aggregation.results().input();
        assertThat(input.rows()).isEqualTo(5); // the three blank lines are no rows
        assertThat(input.accepted()).isEqualTo(1);
        assertThat(input.rejected()).isEqualTo(4);
    }

    @Test
    void aQuoteLeftOpen_failsTheFileAtItsLine_ratherThanReadingTheRestIntoMemory()
            throws IOException, InterruptedException {
        Path file = dir.resolve("responses.csv");
        new TestEdition.Csv()
                .row("ok1", "X", "01", 2, "BOL", "basis", "q1=4")
                .raw("open,X,01,2,BOL,basis,4,,,,,,,\"begint,,,")
                .write(file);
        // The rest of the file (over 16 MiB of rows) would all be inside the open quote.
        byte[] row = "r,X,01,2,BOL,basis,4,,,,,,,,,,\n".getBytes(StandardCharsets.US_ASCII);
        try (var out = new java.io.BufferedOutputStream(
                Files.newOutputStream(file, java.nio.file.StandardOpenOption.APPEND))) {
            for (long written = 0; written <= 17L << 20; written += row.length) {
                out.write(row);
            }
        }
        assertThatThrownBy(() -> Aggregator.of(
                                ResponseReader.of(TestEdition.EDITION).withBlockSize(64 << 10))
                        .aggregate(file))
                .isInstanceOf(ResponseFormatException.class)
                .hasMessage(file + ": cannot be read: the record at line 3 runs on for more than 16 MiB without a"
                        + " line end outside quotes (is a quote left open?)");
        // and the worker threads, which waited for more blocks, have ended
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("peiling-responses-")) {
                thread.join(10_000);
                assertThat(thread.isAlive()).as(thread.getName()).isFalse();
            }
        }
    }

    @Test
    void aDoubleLoginWhoseRowChangedWhileTheFileWasRead_failsTheRead_ratherThanTakingBackOtherAnswers()
            throws IOException {
        Path file = new TestEdition.Csv()
                .row("dup", "X", "01", 2, "BOL", "basis", "q1=4")
                .row("dup", "X", "01", 2, "BOL", "basis", "q1=5 q2=5")
                .write(dir.resolve("responses.csv"));
        int answer = Files.readString(file).indexOf("dup,X,01,2,BOL,basis,4") + "dup,X,01,2,BOL,basis,".length();
        RowSink overwriting = new RowSink() {
            @Override
            public void add(ResponseRow row) {
                if (row.line() == 3) { // the winner is read: now line 2, which loses, changes on disk
                    try (var out = new java.io.RandomAccessFile(file.toFile(), "rw")) {
                        out.seek(answer);
                        out.write('x');
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }

            @Override
            public void remove(ResponseRow row) {}
        };
        assertThatThrownBy(() ->
                        ResponseReader.of(TestEdition.EDITION).withThreads(1).read(file, () -> overwriting))
                .isInstanceOf(ResponseFormatException.class)
                .hasMessage(file + ": the file changed while it was read: line 2 reads differently");
    }

    @Test
    void header_withoutRespondentFieldsOrWithUnknownColumns_failsTheFile() throws IOException {
        Path wrongStart = Files.writeString(dir.resolve("a.csv"), "id,institution\n1,X\n");
        assertThatThrownBy(() -> Aggregator.of(TestEdition.EDITION).aggregate(wrongStart))
                .isInstanceOf(ResponseFormatException.class)
                .hasMessage(
                        wrongStart
                                + ": header column 1 is \"id\"; the header must start with respondent,institution,location,level,pathway,modules");
        Path unknown = Files.writeString(
                dir.resolve("b.csv"), "respondent,institution,location,level,pathway,modules,q1,zz9\n");
        assertThatThrownBy(() -> Aggregator.of(TestEdition.EDITION).aggregate(unknown))
                .isInstanceOf(ResponseFormatException.class)
                .hasMessageContaining("header column 8 \"zz9\" is not a question");
        Path quoted = Files.writeString(
                dir.resolve("d.csv"), "respondent,institution,\"location\"s,level,pathway,modules,q1\n");
        assertThatThrownBy(() -> Aggregator.of(TestEdition.EDITION).aggregate(quoted))
                .isInstanceOf(ResponseFormatException.class)
                .hasMessage(quoted + ": header column 3 has text after its closing quote: \"location\"s");
        Path open = Files.writeString(dir.resolve("e.csv"), "respondent,institution,location,level,\"pathway\n");
        assertThatThrownBy(() -> Aggregator.of(TestEdition.EDITION).aggregate(open))
                .isInstanceOf(ResponseFormatException.class)
                .hasMessage(open + ": header column 5 has no closing quote");
        Path shortHeader = Files.writeString(dir.resolve("f.csv"), "respondent,institution\n");
        assertThatThrownBy(() -> Aggregator.of(TestEdition.EDITION).aggregate(shortHeader))
                .isInstanceOf(ResponseFormatException.class)
                .hasMessage(
                        shortHeader
                                + ": header column 3 is missing; the header must start with respondent,institution,location,level,pathway,modules");
        Path empty = Files.writeString(dir.resolve("c.csv"), "");
        assertThatThrownBy(() -> Aggregator.of(TestEdition.EDITION).aggregate(empty))
                .isInstanceOf(ResponseFormatException.class)
                .hasMessageContaining("the file is empty");
        assertThatThrownBy(() -> Aggregator.of(TestEdition.EDITION).aggregate(dir.resolve("none.csv")))
                .isInstanceOf(ResponseFormatException.class)
                .hasMessage(dir.resolve("none.csv") + ": no such file");
    }

    @Test
    void headerOnly_givesTheNationalGroupWithNoRespondents() throws IOException {
        Path file = new TestEdition.Csv().write(dir.resolve("responses.csv"));
        Results results = Aggregator.of(TestEdition.EDITION).aggregate(file).results();
        assertThat(results.input().rows()).isZero();
        assertThat(results.groups()).hasSize(1);
        assertThat(results.national().suppressed()).isTrue();
        assertThat(results.national().items()).allMatch(ItemFigures::suppressed);
        assertThat(List.of(results.summary()))
                .containsExactly("edition t: 0 rows read, 0 accepted, 0 rejected; 1 group (1 suppressed below n = 10)");
    }

    @Test
    void aSinkThatFails_failsTheRead_withoutWaitingForever() {
        TestEdition.Csv csv = new TestEdition.Csv();
        for (int i = 0; i < 2000; i++) { // many blocks of 1 KB, more than the queue holds
            csv.row("r" + i, "X", "01", 2, "BOL", "basis", "q1=4");
        }
        Path file = csv.write(dir.resolve("responses.csv"));
        ResponseReader reader =
                ResponseReader.of(TestEdition.EDITION).withThreads(1).withBlockSize(1024);

        assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(20),
                () -> assertThatThrownBy(() -> reader.read(file, () -> new RowSink() {
                            @Override
                            public void add(ResponseRow row) {
                                throw new IllegalStateException("the sink is full");
                            }

                            @Override
                            public void remove(ResponseRow row) {}
                        }))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessage("the sink is full"));
    }
}
