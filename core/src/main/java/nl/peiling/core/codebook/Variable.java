package nl.peiling.core.codebook;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One column of {@code responses.csv} as the codebook describes it: a respondent field or a question.
 *
 * @param name the column name: a respondent field ({@code respondent}, {@code institution}, ...) or a question id
 * @param module the id of the question's module, or {@code null} for a respondent field
 * @param type the question type ({@code scale}, {@code single}, {@code multi}, {@code number}, {@code grade},
 *     {@code text}); for respondent fields {@code key} (the pseudonym), {@code code} (institution and location),
 *     {@code single} (level, pathway) or {@code multi} (the {@code |}-separated modules)
 * @param label the question text or field description in the codebook's language
 * @param visibleIf the routing condition under which the question is shown, or {@code null} when always shown
 * @param values the substantive codes and their labels, in the order shown (scale points, options, grades 1 to 10);
 *     empty for numbers, texts and free codes
 * @param nonSubstantive the non-substantive codes of a scale question ({@code nvt}, {@code wn}) and their labels
 * @param missingCodes the numeric user-missing code the SPSS syntax recodes each non-substantive code to; the same
 *     keys as {@code nonSubstantive}
 * @param notes how to read a cell (scale classification, bounds, unit, separator), in the codebook's language;
 *     empty when there is nothing to add
 * @param spssFormat the SPSS format of the variable once read: {@code A<width>} for strings, {@code F<w>.<d>}
 *     for numbers (scale questions are read as strings and recoded into this numeric format)
 */
public record Variable(
        String name,
        String module,
        String type,
        String label,
        String visibleIf,
        Map<String, String> values,
        Map<String, String> nonSubstantive,
        Map<String, Integer> missingCodes,
        String notes,
        String spssFormat) {

    public Variable {
        requireNonNull(name, "name");
        requireNonNull(type, "type");
        requireNonNull(label, "label");
        values = ordered(values, "values");
        nonSubstantive = ordered(nonSubstantive, "nonSubstantive");
        missingCodes = ordered(missingCodes, "missingCodes");
        requireNonNull(notes, "notes");
        requireNonNull(spssFormat, "spssFormat");
        if (!missingCodes.keySet().equals(nonSubstantive.keySet())) {
            throw new IllegalArgumentException(String.format(
                    java.util.Locale.ROOT,
                    "variable %s: missingCodes %s must have the keys of nonSubstantive %s",
                    name,
                    missingCodes.keySet(),
                    nonSubstantive.keySet()));
        }
        if (!spssFormat.matches("A[1-9][0-9]*|F[1-9][0-9]*\\.[0-9]+")) {
            throw new IllegalArgumentException(String.format(
                    java.util.Locale.ROOT,
                    "variable %s: spssFormat \"%s\" must be A<width> or F<width>.<decimals>",
                    name,
                    spssFormat));
        }
    }

    /** Whether this is one of the respondent fields that precede the questions. */
    public boolean isRespondentField() {
        return module == null;
    }

    /** Whether SPSS reads the variable as a number (otherwise as a string). */
    public boolean isNumeric() {
        return spssFormat.startsWith("F");
    }

    @Override
    public String toString() {
        return "Variable[" + name + " " + type + (module == null ? "" : " in " + module) + ": " + label
                + (values.isEmpty() ? "" : " " + values.keySet())
                + (nonSubstantive.isEmpty() ? "" : " +" + missingCodes) + "]";
    }

    private static <V> Map<String, V> ordered(Map<String, V> map, String what) {
        requireNonNull(map, what);
        map.forEach((key, value) -> {
            requireNonNull(key, () -> what + " key");
            requireNonNull(value, () -> what + "[" + key + "]");
        });
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
