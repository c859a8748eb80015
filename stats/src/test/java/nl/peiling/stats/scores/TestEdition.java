package nl.peiling.stats.scores;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.peiling.core.model.Cluster;
import nl.peiling.core.model.Edition;
import nl.peiling.core.model.EditionManifest;
import nl.peiling.core.model.GradeQuestion;
import nl.peiling.core.model.LocalizedText;
import nl.peiling.core.model.Module;
import nl.peiling.core.model.ModuleKind;
import nl.peiling.core.model.MultiQuestion;
import nl.peiling.core.model.NumberQuestion;
import nl.peiling.core.model.Option;
import nl.peiling.core.model.Rules;
import nl.peiling.core.model.Scale;
import nl.peiling.core.model.ScalePoint;
import nl.peiling.core.model.ScaleQuestion;
import nl.peiling.core.model.SingleQuestion;
import nl.peiling.core.model.TextQuestion;

/**
 * A small edition with one question of every type, for aggregation tests: base {@code basis} with a
 * cluster {@code c1} = q1, q2, q3 (q3 reverse-keyed, minAnswered 2) on a five-point scale with
 * {@code nvt}, a grade g1, single s1 (ja, nee), multi m1 (a, b, c), number n1 (0..100) and text t1 (at
 * most 10 characters); optional module {@code opt} with cluster c2 = o1, o2, o3.
 */
final class TestEdition {

    static final List<String> QUESTIONS = List.of("q1", "q2", "q3", "g1", "s1", "m1", "n1", "t1", "o1", "o2", "o3");

    static final Edition EDITION = edition(null);

    private static LocalizedText t(String text) {
        return LocalizedText.of(text, text);
    }

    /** The edition; the question with id {@code reworded} (if any) has another English text. */
    static Edition edition(String reworded) {
        Scale eens5 = fivePoints("eens5", "nvt");
        Module basis = new Module(
                "basis",
                "1",
                ModuleKind.BASE,
                t("Basis"),
                List.of(eens5),
                List.of(
                        new ScaleQuestion("q1", t("q1"), "eens5", null, null),
                        new ScaleQuestion("q2", t("q2"), "eens5", null, null),
                        new ScaleQuestion(
                                "q3",
                                "q3".equals(reworded) ? LocalizedText.of("q3", "q3, reworded") : t("q3"),
                                "eens5",
                                null,
                                null),
                        new GradeQuestion("g1", t("g1"), null, null),
                        new SingleQuestion(
                                "s1",
                                t("s1"),
                                List.of(new Option("ja", t("ja")), new Option("nee", t("nee"))),
                                null,
                                null),
                        new MultiQuestion(
                                "m1",
                                t("m1"),
                                List.of(new Option("a", t("a")), new Option("b", t("b")), new Option("c", t("c"))),
                                null,
                                2,
                                null,
                                null),
                        new NumberQuestion("n1", t("n1"), BigDecimal.ZERO, BigDecimal.valueOf(100), null, null, null),
                        new TextQuestion("t1", t("t1"), 10, null, null)),
                List.of(new Cluster("c1", t("c1"), List.of("q1", "q2", "q3"), List.of("q3"), 2)));
        Module opt = new Module(
                "opt",
                "1",
                ModuleKind.OPTIONAL,
                t("Opt"),
                List.of(eens5),
                List.of(
                        new ScaleQuestion("o1", t("o1"), "eens5", null, null),
                        new ScaleQuestion("o2", t("o2"), "eens5", null, null),
                        new ScaleQuestion("o3", t("o3"), "eens5", null, null)),
                List.of(new Cluster("c2", t("c2"), List.of("o1", "o2", "o3"), List.of(), null)));
        EditionManifest manifest = new EditionManifest("t", null, "basis", List.of("opt"), new Rules(0, 1, 25));
        return new Edition(manifest, basis, List.of(opt));
    }

    /** A scale of points 1 to 5 (1, 2 negative, 3 neutral, 4, 5 positive) with these non-substantive codes. */
    static Scale fivePoints(String id, String... nonSubstantive) {
        return new Scale(
                id,
                List.of(
                        new ScalePoint(1, t("1")),
                        new ScalePoint(2, t("2")),
                        new ScalePoint(3, t("3")),
                        new ScalePoint(4, t("4")),
                        new ScalePoint(5, t("5"))),
                List.of(1, 2),
                List.of(3),
                List.of(4, 5),
                java.util.Arrays.stream(nonSubstantive)
                        .map(code -> new Option(code, t(code)))
                        .toList());
    }

    /** Rows of a responses file, written with the header of this edition. */
    static final class Csv {
        private final List<String> lines = new ArrayList<>();

        Csv() {
            lines.add("respondent,institution,location,level,pathway,modules," + String.join(",", QUESTIONS));
        }

        /** A row: the respondent fields, then answers as "q1=4 q2=nvt ..." (unlisted questions empty). */
        Csv row(
                String respondent,
                String institution,
                String location,
                int level,
                String pathway,
                String modules,
                String answers) {
            Map<String, String> values = new LinkedHashMap<>();
            if (!answers.isBlank()) {
                for (String pair : answers.trim().split("\\s+")) {
                    String[] parts = pair.split("=", 2);
                    values.put(parts[0], parts[1]);
                }
            }
            List<String> cells = new ArrayList<>(
                    List.of(respondent, institution, location, Integer.toString(level), pathway, modules));
            for (String question : QUESTIONS) {
                cells.add(values.getOrDefault(question, ""));
            }
            lines.add(String.join(",", cells));
            return this;
        }

        Csv raw(String line) {
            lines.add(line);
            return this;
        }

        List<String> lines() {
            return lines;
        }

        Path write(Path file) {
            try {
                Files.write(file, lines);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The five respondents of the hand-worked example in AggregatorTest. */
    static Csv handExample() {
        return new Csv()
                .row(
                        "r1",
                        "X",
                        "01",
                        2,
                        "BOL",
                        "basis|opt",
                        "q1=4 q2=5 q3=2 g1=7 s1=ja m1=a|b n1=12.5 t1=hallo o1=3 o2=4 o3=5")
                .row("r2", "X", "01", 2, "BOL", "basis", "q1=2 q2=nvt q3=5 g1=5 s1=nee m1=c n1=20")
                .row("r3", "X", "02", 3, "BBL", "basis", "q1=5 g1=8")
                .row("r4", "Y", "01", 2, "BOL", "basis", "q1=3 q2=3 q3=3 g1=6 s1=ja")
                .row("r5", "Y", "01", 4, "BOL", "basis", "q1=1 q2=2 q3=4");
    }

    private TestEdition() {}
}
