package nl.peiling.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelTest {

    private static final LocalizedText T = LocalizedText.of("tekst", "text");

    @Test
    void estimatedSeconds_usesTypeDefaultsUnlessStated() {
        assertThat(new ScaleQuestion("q1", T, "eens5", null, null).estimatedSeconds())
                .isEqualTo(7);
        assertThat(new SingleQuestion("q2", T, List.of(new Option("ja", T)), null, null).estimatedSeconds())
                .isEqualTo(8);
        assertThat(new GradeQuestion("q3", T, null, null).estimatedSeconds()).isEqualTo(6);
        assertThat(new NumberQuestion("q4", T, null, null, null, null, null).estimatedSeconds())
                .isEqualTo(10);
        assertThat(new MultiQuestion("q5", T, List.of(new Option("a", T)), null, null, null, null).estimatedSeconds())
                .isEqualTo(12);
        assertThat(new TextQuestion("q6", T, 500, null, null).estimatedSeconds())
                .isEqualTo(30);
        assertThat(new TextQuestion("q7", T, 500, null, 45).estimatedSeconds()).isEqualTo(45);
    }

    @Test
    void moduleMinutes_isTheSumOfItsQuestions() {
        Module module = new Module(
                "m",
                "1",
                ModuleKind.OPTIONAL,
                T,
                List.of(),
                List.of(
                        new ScaleQuestion("q1", T, "eens5", null, null),
                        new GradeQuestion("q2", T, null, null),
                        new TextQuestion("q3", T, null, null, null),
                        new NumberQuestion("q4", T, null, null, null, null, 17)),
                List.of());
        assertThat(module.seconds()).isEqualTo(7 + 6 + 30 + 17);
        assertThat(module.minutes()).isEqualTo(60 / 60.0);
        assertThat(module).hasToString("Module[m optional 1, 4 questions, 0 clusters, 1.0 min]");
    }

    @Test
    void cluster_requiredAnswersDefaultsToHalfRoundedUp() {
        assertThat(new Cluster("c", T, List.of("a", "b", "c"), List.of(), null).requiredAnswers())
                .isEqualTo(2);
        assertThat(new Cluster("c", T, List.of("a", "b", "c", "d"), List.of(), null).requiredAnswers())
                .isEqualTo(2);
        assertThat(new Cluster("c", T, List.of("a", "b", "c", "d", "e"), List.of(), null).requiredAnswers())
                .isEqualTo(3);
        assertThat(new Cluster("c", T, List.of("a", "b", "c"), List.of(), 3).requiredAnswers())
                .isEqualTo(3);
    }

    @Test
    void scale_reverseAndValence() {
        Scale scale = new Scale(
                "s",
                List.of(
                        new ScalePoint(1, T),
                        new ScalePoint(2, T),
                        new ScalePoint(3, T),
                        new ScalePoint(4, T),
                        new ScalePoint(5, T)),
                List.of(1, 2),
                List.of(3),
                List.of(4, 5),
                List.of(new Option("nvt", T)));
        assertThat(scale.reverse(1)).isEqualTo(5);
        assertThat(scale.reverse(4)).isEqualTo(2);
        assertThat(scale.valenceOf(4)).contains(Valence.POSITIVE);
        assertThat(scale.valenceOf(3)).contains(Valence.NEUTRAL);
        assertThat(scale.valenceOf(9)).isEmpty();
        assertThat(scale.isNonSubstantive("nvt")).isTrue();
        assertThat(scale).hasToString("Scale[s 1..5 +[nvt]]");
    }

    @Test
    void records_areImmutableCopies() {
        List<String> items = new ArrayList<>(List.of("a", "b", "c"));
        Cluster cluster = new Cluster("c", T, items, List.of(), null);
        items.add("d");
        assertThat(cluster.items()).containsExactly("a", "b", "c");
        assertThatThrownBy(() -> cluster.items().add("e")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> T.texts().put("de", "Text")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void localizedText_fallsBackToDutch() {
        LocalizedText dutchOnly = new LocalizedText(Map.of("nl", "Hallo"));
        assertThat(dutchOnly.en()).isEqualTo("Hallo");
        assertThat(dutchOnly.in("de")).isEqualTo("Hallo");
        assertThat(dutchOnly.get("en")).isEmpty();
        assertThat(T).hasToString("tekst");
    }
}
