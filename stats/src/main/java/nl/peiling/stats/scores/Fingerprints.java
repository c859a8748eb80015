package nl.peiling.stats.scores;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.peiling.core.model.Cluster;
import nl.peiling.core.model.Edition;
import nl.peiling.core.model.LocalizedText;
import nl.peiling.core.model.Module;
import nl.peiling.core.model.MultiQuestion;
import nl.peiling.core.model.Option;
import nl.peiling.core.model.Question;
import nl.peiling.core.model.Scale;
import nl.peiling.core.model.ScalePoint;
import nl.peiling.core.model.ScaleQuestion;
import nl.peiling.core.model.SingleQuestion;

/**
 * What makes the figures of two results files comparable (SPEC section 8), recorded in the results so
 * that they describe themselves: per aggregated question a fingerprint of its type, its text in every
 * language, its scale's points (codes and labels), classes and non-substantive codes, and its options;
 * per cluster its items, reverse items and minAnswered. Two questions with the same fingerprint are
 * comparable; the fields are those of the validator's {@code trend-break} rule.
 *
 * @param items per question id: {@code sha256:} and the hex SHA-256 of the canonical text of its
 *     definition
 * @param clusters per cluster id: its definition
 */
public record Fingerprints(Map<String, String> items, Map<String, ClusterDefinition> clusters) {

    /**
     * What makes a cluster score comparable, beside its items' fingerprints.
     *
     * @param items the item ids, in order
     * @param reverse the reverse-keyed item ids
     * @param minAnswered the items a respondent must answer to have a score
     */
    public record ClusterDefinition(List<String> items, List<String> reverse, int minAnswered) {
        public ClusterDefinition {
            items = List.copyOf(items);
            reverse = List.copyOf(reverse);
        }
    }

    public Fingerprints {
        items = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(items, "items")));
        clusters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(clusters, "clusters")));
    }

    /** The fingerprints of every aggregated question (open text excluded) and cluster of an edition. */
    public static Fingerprints of(Edition edition) {
        requireNonNull(edition, "edition");
        Map<String, String> items = new LinkedHashMap<>();
        Map<String, ClusterDefinition> clusters = new LinkedHashMap<>();
        for (Module module : edition.modules()) {
            for (Question question : module.questions()) {
                String canonical = canonical(question, module);
                if (canonical != null) {
                    items.put(question.id(), "sha256:" + sha256(canonical));
                }
            }
            for (Cluster cluster : module.clusters()) {
                clusters.put(
                        cluster.id(),
                        new ClusterDefinition(
                                cluster.items(),
                                cluster.items().stream()
                                        .filter(cluster::isReversed)
                                        .toList(),
                                cluster.requiredAnswers()));
            }
        }
        return new Fingerprints(items, clusters);
    }

    /** The canonical text of a question's definition; null for open text, which is never aggregated. */
    static String canonical(Question question, Module module) {
        StringBuilder out = new StringBuilder();
        field(out, "type", question.type().key());
        text(out, "text", question.text());
        switch (question.type()) {
            case SCALE -> {
                Scale scale = module.scale(((ScaleQuestion) question).scale()).orElseThrow();
                for (ScalePoint point : scale.points()) {
                    text(out, "point " + point.code(), point.label());
                }
                field(out, "negative", scale.negative().toString());
                field(out, "neutral", scale.neutral().toString());
                field(out, "positive", scale.positive().toString());
                options(out, "nonSubstantive", scale.nonSubstantive());
            }
            case SINGLE -> options(out, "option", ((SingleQuestion) question).options());
            case MULTI -> options(out, "option", ((MultiQuestion) question).options());
            case GRADE, NUMBER -> {}
            case TEXT -> {
                return null;
            }
        }
        return out.toString();
    }

    private static void options(StringBuilder out, String name, List<Option> options) {
        for (Option option : options) {
            text(out, name + " " + option.code(), option.label());
        }
    }

    /** The text in every language, in language order (the file's order does not matter). */
    private static void text(StringBuilder out, String name, LocalizedText text) {
        new TreeMap<>(text.texts()).forEach((language, value) -> field(out, name + " " + language, value));
    }

    /** One field as name, value and a line end, with the value's length first so that no text can fake a field. */
    private static void field(StringBuilder out, String name, String value) {
        out.append(name)
                .append('=')
                .append(value.length())
                .append(':')
                .append(value)
                .append('\n');
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
