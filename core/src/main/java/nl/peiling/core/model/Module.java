package nl.peiling.core.model;

import static java.util.Objects.requireNonNull;

import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Optional;

/**
 * A questionnaire module: the base questionnaire or an optional thematic module, with its scales,
 * questions (in the order asked) and clusters.
 *
 * @param id module id
 * @param version the content version, e.g. {@code 2027.1}
 * @param kind base or optional
 * @param title the module's title
 * @param scales the answer scales its scale questions use
 * @param questions the questions, in the order asked
 * @param clusters the clusters of its scale questions
 */
public record Module(
        @Id String id,
        @NotBlank(message = "must not be blank") String version,
        ModuleKind kind,
        LocalizedText title,
        List<Scale> scales,
        List<Question> questions,
        List<Cluster> clusters) {

    public Module {
        requireNonNull(id, "id");
        requireNonNull(version, "version");
        requireNonNull(kind, "kind");
        requireNonNull(title, "title");
        scales = List.copyOf(scales);
        questions = List.copyOf(questions);
        clusters = List.copyOf(clusters);
    }

    /** The question with this id, if the module has it. */
    public Optional<Question> question(String questionId) {
        return questions.stream().filter(q -> q.id().equals(questionId)).findFirst();
    }

    /** The scale with this id, if the module has it. */
    public Optional<Scale> scale(String scaleId) {
        return scales.stream().filter(s -> s.id().equals(scaleId)).findFirst();
    }

    /** The cluster with this id, if the module has it. */
    public Optional<Cluster> cluster(String clusterId) {
        return clusters.stream().filter(c -> c.id().equals(clusterId)).findFirst();
    }

    /** The time estimate of all questions, in seconds. */
    public int seconds() {
        return questions.stream().mapToInt(Question::estimatedSeconds).sum();
    }

    /** The time estimate of all questions, in minutes (seconds / 60, not rounded). */
    public double minutes() {
        return seconds() / 60.0;
    }

    @Override
    public String toString() {
        return String.format(
                java.util.Locale.ROOT,
                "Module[%s %s %s, %d questions, %d clusters, %.1f min]",
                id,
                kind.key(),
                version,
                questions.size(),
                clusters.size(),
                minutes());
    }
}
