package nl.peiling.cli.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.peiling.cli.report.Charts.Mark;
import nl.peiling.core.model.Cluster;
import nl.peiling.core.model.Edition;
import nl.peiling.core.model.Language;
import nl.peiling.core.model.LocalizedText;
import nl.peiling.core.model.Module;
import nl.peiling.core.model.Question;
import nl.peiling.stats.scores.BenchmarkFigures;
import nl.peiling.stats.scores.ClusterFigures;
import nl.peiling.stats.scores.FigureState;
import nl.peiling.stats.scores.GroupResult;
import nl.peiling.stats.scores.ItemFigures;
import nl.peiling.stats.scores.Results;
import nl.peiling.stats.trend.Materiality;

/**
 * What every part of a report works from: the results, the edition, the institution (or the nation),
 * names and words; and the rules the parts share: which groups, which modules, the words in place of a
 * figure that is not shown, and which way is better.
 */
final class Scope {

    static final String INSTITUTION = "institution";
    static final String LOCATION = "location";

    final Results results;
    final Edition edition;
    final Language language;
    final String institution;
    final Names names;
    final Words words;

    Scope(Results results, Edition edition, Language language, String institution, Names names) {
        this.results = results;
        this.edition = edition;
        this.language = language;
        this.institution = institution;
        this.names = names;
        this.words = Words.in(language);
    }

    /** The group the report is about: the institution, or the nation. */
    GroupResult scope() {
        return institution == null
                ? results.national()
                : results.group(Map.of(INSTITUTION, institution)).orElseThrow();
    }

    GroupResult national() {
        return results.national();
    }

    boolean national(GroupResult group) {
        return group.key().isEmpty();
    }

    /** The institution's locations, or in the national report the institutions. */
    List<GroupResult> subgroups() {
        List<GroupResult> groups = new ArrayList<>();
        for (GroupResult group : results.groups()) {
            Map<String, String> key = group.key();
            if (institution == null) {
                if (key.size() == 1 && key.containsKey(INSTITUTION)) {
                    groups.add(group);
                }
            } else if (key.size() == 2 && institution.equals(key.get(INSTITUTION)) && key.containsKey(LOCATION)) {
                groups.add(group);
            }
        }
        return groups;
    }

    /** The own label: the institution's short name, or "Landelijk". */
    String scopeLabel() {
        return institution == null ? words.get("national") : names.shortName(institution);
    }

    /** A location's name (and code) or an institution's short name. */
    String groupLabel(GroupResult group) {
        String code = group.key().get(INSTITUTION);
        if (group.key().containsKey(LOCATION)) {
            String location = group.key().get(LOCATION);
            String name = names.location(code, location);
            return name == null ? words.get("location") + " " + location : name + " (" + location + ")";
        }
        return names.shortName(code);
    }

    /** The edition's modules the nation has figures of, in questionnaire order. */
    List<Module> modules() {
        GroupResult nation = national();
        List<Module> modules = new ArrayList<>();
        for (Module module : edition.modules()) {
            boolean present = module.clusters().stream()
                            .anyMatch(c -> nation.cluster(c.id()).isPresent())
                    || module.questions().stream()
                            .anyMatch(q -> nation.item(q.id()).isPresent());
            if (present) {
                modules.add(module);
            }
        }
        return modules;
    }

    /** The institution's benchmark entries by "kind:id"; empty in the national report. */
    Map<String, BenchmarkFigures> benchmarks() {
        Map<String, BenchmarkFigures> own = new HashMap<>();
        if (institution != null) {
            for (BenchmarkFigures benchmark : results.benchmarks()) {
                if (benchmark.institution().equals(institution)) {
                    own.put(benchmark.kind() + ":" + benchmark.id(), benchmark);
                }
            }
        }
        return own;
    }

    String text(LocalizedText text) {
        return text.in(language.code());
    }

    String questionText(String id) {
        return edition.question(id).map(Question::text).map(this::text).orElse(id);
    }

    /**
     * Whether a higher answer to the question is worse: it is reverse-keyed in its cluster ("Er vallen
     * veel lessen uit"). Cluster scores are reverse coded already, so for them higher is always better.
     */
    boolean reversed(String questionId) {
        for (Cluster cluster : edition.clusters()) {
            if (cluster.items().contains(questionId) && cluster.isReversed(questionId)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A significant difference as better or worse: significant, and its sign turned by the polarity
     * (for a reverse-keyed question a higher mean is worse).
     */
    static Mark mark(BenchmarkFigures benchmark, boolean reversed) {
        if (benchmark == null
                || benchmark.suppressed()
                || !Boolean.TRUE.equals(benchmark.significant())
                || benchmark.difference() == null
                || benchmark.difference() == 0) {
            return Mark.NONE;
        }
        return benchmark.difference() > 0 != reversed ? Mark.BETTER : Mark.WORSE;
    }

    /**
     * Whether a difference is notable: significant and at least the materiality minimum of Cohen's d
     * ({@link Materiality#STANDARD}), so a trivial difference of a large institution is not listed.
     */
    static boolean notable(BenchmarkFigures benchmark) {
        return benchmark != null
                && !benchmark.suppressed()
                && Boolean.TRUE.equals(benchmark.significant())
                && benchmark.cohensD() != null
                && Math.abs(benchmark.cohensD()) >= Materiality.STANDARD.minCohensD();
    }

    /** The words in place of an item's figures that are not shown; null when they are shown. */
    String missing(Optional<ItemFigures> item) {
        if (item.isEmpty()) {
            return words.get("state.not-administered");
        }
        return missing(item.get().figureState(), item.get().suppressedBecause());
    }

    /** The words in place of a cluster's figures that are not shown; null when they are shown. */
    String missingCluster(Optional<ClusterFigures> cluster) {
        if (cluster.isEmpty()) {
            return words.get("state.not-administered");
        }
        ClusterFigures figures = cluster.get();
        if (figures.figureState() == FigureState.SHOWN && figures.mean() == null) {
            return words.get("state.no-answers");
        }
        return missing(figures.figureState(), figures.suppressedBecause());
    }

    /** The words in place of a group's respondents when the group is withheld; null when shown. */
    String missing(GroupResult group) {
        return group.suppressed() ? missing(FigureState.SUPPRESSED, group.suppressedBecause()) : null;
    }

    /** The words of a state: which kind of withholding, or why there is nothing; null when shown. */
    String missing(FigureState state, String suppressedBecause) {
        return switch (state) {
            case SHOWN -> null;
            case SUPPRESSED -> words.get("state." + (suppressedBecause == null ? "n" : suppressedBecause));
            case NO_ANSWERS -> words.get("state.no-answers");
            case NOT_ADMINISTERED -> words.get("state.not-administered");
        };
    }

    /** The key of a state for {@code data-state} attributes: the state, with the kind of withholding. */
    static String stateKey(FigureState state, String suppressedBecause) {
        return state == FigureState.SUPPRESSED
                ? "suppressed-" + (suppressedBecause == null ? "n" : suppressedBecause)
                : state.key();
    }
}
