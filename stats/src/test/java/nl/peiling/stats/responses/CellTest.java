package nl.peiling.stats.responses;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.peiling.core.model.LocalizedText;
import nl.peiling.core.model.MultiQuestion;
import nl.peiling.core.model.NumberQuestion;
import nl.peiling.core.model.Option;
import nl.peiling.core.model.Question;
import nl.peiling.core.model.Scale;
import nl.peiling.core.model.ScalePoint;
import nl.peiling.core.model.TextQuestion;
import org.junit.jupiter.api.Test;

/**
 * The checks and codes of single cells, one question type at a time, with the value and the reason
 * for every accepted and rejected form.
 */
class CellTest {

    private static final LocalizedText T = LocalizedText.of("x", "x");

    private final ResponseRow row = new ResponseRow(List.<Question>of(new TextQuestion("x", T, null, null, null)));

    /** Decodes the text into question 0 of the row: null when accepted, else the reason. */
    private RejectReason decode(Cell cell, String text) {
        // Padded on both sides, so that a read past the cell's bounds would be seen.
        byte[] data = ("#" + text + "#").getBytes(StandardCharsets.UTF_8);
        row.states[0] = ResponseRow.EMPTY;
        row.values[0] = -99;
        return cell.decode(data, 1, data.length - 1, row, 0);
    }

    private static Option option(String code) {
        return new Option(code, T);
    }

    @Test
    void number_isADecimalInMillionths_withinItsBounds() {
        Cell cell = new Cell.NumberCell(
                0, new NumberQuestion("n", T, BigDecimal.ZERO, BigDecimal.valueOf(100), null, null, null));
        assertThat(decode(cell, "12.5")).isNull();
        assertThat(row.states[0]).isEqualTo(ResponseRow.SUBSTANTIVE);
        assertThat(row.values[0]).isEqualTo(12_500_000L);
        assertThat(decode(cell, "90.09"))
                .as("the digits 0 and 9 on both sides of the point")
                .isNull();
        assertThat(row.values[0]).isEqualTo(90_090_000L);
        assertThat(decode(cell, "0.000001")).isNull();
        assertThat(row.values[0]).isEqualTo(1L);
        assertThat(decode(cell, "7.1234560"))
                .as("a seventh decimal 0 adds nothing")
                .isNull();
        assertThat(row.values[0]).isEqualTo(7_123_456L);
        assertThat(decode(cell, "100")).isNull();
        assertThat(row.values[0]).isEqualTo(100_000_000L);
        assertThat(decode(cell, "0")).isNull();
        assertThat(row.values[0]).isZero();
        assertThat(decode(cell, "-0")).isNull();
        assertThat(row.values[0]).isZero();

        assertThat(decode(cell, "100.000001")).isEqualTo(RejectReason.OUT_OF_RANGE);
        assertThat(decode(cell, "-0.000001")).isEqualTo(RejectReason.OUT_OF_RANGE);
        assertThat(row.states[0]).as("a rejected cell leaves the row alone").isEqualTo(ResponseRow.EMPTY);
        for (String malformed : List.of(
                "7.1234567",
                "1.",
                ".5",
                "-",
                "1e3",
                "1,5",
                "+1",
                " 1",
                "1 ",
                "1.2.3",
                "--1",
                "0x10",
                "١",
                "1/2",
                "1:2",
                "1.5:",
                "1./",
                "/",
                ":")) {
            assertThat(decode(cell, malformed)).as(malformed).isEqualTo(RejectReason.MALFORMED);
        }
    }

    @Test
    void number_withoutBounds_takesTwelveDigitsAndNegatives() {
        Cell cell = new Cell.NumberCell(0, new NumberQuestion("n", T, null, null, null, null, null));
        assertThat(decode(cell, "-999999999999.999999")).isNull();
        assertThat(row.values[0]).isEqualTo(-999_999_999_999_999_999L);
        assertThat(decode(cell, "-3")).isNull();
        assertThat(row.values[0]).isEqualTo(-3_000_000L);
        assertThat(decode(cell, "1234567890123")).isEqualTo(RejectReason.MALFORMED);
        Cell below = new Cell.NumberCell(0, new NumberQuestion("n", T, BigDecimal.valueOf(-5), null, null, null, null));
        assertThat(decode(below, "-5")).isNull();
        assertThat(decode(below, "-5.000001")).isEqualTo(RejectReason.OUT_OF_RANGE);
        assertThat(decode(below, "1000000")).isNull();
    }

    @Test
    void grade_isAWholeNumberFromOneToTen() {
        Cell cell = new Cell.GradeCell(0);
        assertThat(decode(cell, "1")).isNull();
        assertThat(row.values[0]).isEqualTo(1);
        assertThat(decode(cell, "10")).isNull();
        assertThat(row.values[0]).isEqualTo(10);
        assertThat(decode(cell, "0")).isEqualTo(RejectReason.OUT_OF_RANGE);
        assertThat(decode(cell, "11")).isEqualTo(RejectReason.OUT_OF_RANGE);
        assertThat(decode(cell, "-1")).isEqualTo(RejectReason.OUT_OF_RANGE);
        for (String malformed : List.of("7.5", "x", "-", "1234567890", "+7", "07a")) {
            assertThat(decode(cell, malformed)).as(malformed).isEqualTo(RejectReason.MALFORMED);
        }
        assertThat(Cell.integer("123456789".getBytes(StandardCharsets.US_ASCII), 0, 9))
                .isEqualTo(123_456_789);
        assertThat(Cell.integer("-123456789".getBytes(StandardCharsets.US_ASCII), 0, 10))
                .isEqualTo(-123_456_789);
    }

    @Test
    void scale_pointsAndNonSubstantiveCodes() {
        Scale scale = new Scale(
                "s",
                List.of(new ScalePoint(1, T), new ScalePoint(2, T), new ScalePoint(12, T)),
                List.of(1),
                List.of(),
                List.of(2, 12),
                List.of(option("nvt"), option("weet_niet")));
        Cell cell = new Cell.ScaleCell(0, scale);
        assertThat(decode(cell, "2")).isNull();
        assertThat(row.states[0]).isEqualTo(ResponseRow.SUBSTANTIVE);
        assertThat(row.values[0]).isEqualTo(2);
        assertThat(decode(cell, "12")).as("a point of two digits").isNull();
        assertThat(row.values[0]).isEqualTo(12);
        assertThat(decode(cell, "weet_niet")).isNull();
        assertThat(row.states[0]).isEqualTo(ResponseRow.NON_SUBSTANTIVE);
        assertThat(row.values[0]).isEqualTo(1);
        assertThat(decode(cell, "nvt")).isNull();
        assertThat(row.values[0]).isZero();
        for (String unknown : List.of("3", "0", "9", "11", "-1", "nv", "nvtt", "NVT", "1.0", "x")) {
            assertThat(decode(cell, unknown)).as(unknown).isEqualTo(RejectReason.UNKNOWN_CODE);
        }
    }

    @Test
    void single_isOneOptionCode() {
        Cell cell = new Cell.SingleCell(0, List.of(option("ja"), option("nee"), option("geen_idee_eigenlijk")));
        assertThat(decode(cell, "nee")).isNull();
        assertThat(row.values[0]).isEqualTo(1);
        assertThat(decode(cell, "geen_idee_eigenlijk"))
                .as("longer than eight bytes")
                .isNull();
        assertThat(row.values[0]).isEqualTo(2);
        for (String unknown : List.of("j", "jaa", "Ja", "geen_idee_eigenlijK", "geen_idee", "ja|nee")) {
            assertThat(decode(cell, unknown)).as(unknown).isEqualTo(RejectReason.UNKNOWN_CODE);
        }
    }

    @Test
    void multi_isASetOfOptionCodes_withinItsCounts() {
        MultiQuestion question =
                new MultiQuestion("m", T, List.of(option("a"), option("b"), option("c")), 2, 2, null, null);
        Cell cell = new Cell.MultiCell(0, question);
        assertThat(decode(cell, "c|a")).isNull();
        assertThat(row.values[0]).isEqualTo(0b101L);
        assertThat(decode(cell, "a")).isEqualTo(RejectReason.OUT_OF_RANGE);
        assertThat(decode(cell, "a|b|c")).isEqualTo(RejectReason.OUT_OF_RANGE);
        assertThat(decode(cell, "a|a")).isEqualTo(RejectReason.MALFORMED);
        assertThat(decode(cell, "c|c")).isEqualTo(RejectReason.MALFORMED);
        assertThat(decode(cell, "a|d")).isEqualTo(RejectReason.UNKNOWN_CODE);
        assertThat(decode(cell, "a|")).isEqualTo(RejectReason.UNKNOWN_CODE);
        assertThat(decode(cell, "|a")).isEqualTo(RejectReason.UNKNOWN_CODE);

        Cell free = new Cell.MultiCell(
                0, new MultiQuestion("m", T, List.of(option("a"), option("b"), option("c")), null, null, null, null));
        assertThat(decode(free, "b")).isNull();
        assertThat(row.values[0]).isEqualTo(0b010L);
        assertThat(decode(free, "a|b|c")).isNull();
        assertThat(row.values[0]).isEqualTo(0b111L);
    }

    @Test
    void text_countsCharactersNotBytes() {
        Cell cell = new Cell.TextCell(0, 3);
        assertThat(decode(cell, "één")).as("three characters in five bytes").isNull();
        assertThat(row.states[0]).isEqualTo(ResponseRow.TEXT);
        assertThat(decode(cell, "abcd")).isEqualTo(RejectReason.OUT_OF_RANGE);
        assertThat(decode(cell, "ééé€")).isEqualTo(RejectReason.OUT_OF_RANGE);
        assertThat(decode(new Cell.TextCell(0, null), "a".repeat(10_000))).isNull();
    }
}
