package nl.peiling.core.validation;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.peiling.core.model.Cluster;
import nl.peiling.core.model.Edition;
import nl.peiling.core.model.EditionManifest;
import nl.peiling.core.model.LocalizedText;
import nl.peiling.core.model.Module;
import nl.peiling.core.model.ModuleKind;
import nl.peiling.core.model.MultiQuestion;
import nl.peiling.core.model.NumberQuestion;
import nl.peiling.core.model.Option;
import nl.peiling.core.model.Question;
import nl.peiling.core.model.QuestionType;
import nl.peiling.core.model.Scale;
import nl.peiling.core.model.ScalePoint;
import nl.peiling.core.model.ScaleQuestion;
import nl.peiling.core.model.SingleQuestion;
import nl.peiling.core.routing.Condition;
import nl.peiling.core.routing.Routing;
import nl.peiling.core.routing.RoutingException;

/**
 * Checks definitions against every rule of the definition format and returns all violations found, not
 * only the first. Field constraints declared on the model (ids, ranges) are checked with Jakarta Bean
 * Validation; the structural rules (references, clusters, routing, length budget, trends) here.
 *
 * <p>A validator is immutable and can be shared between threads. By default it knows no previous
 * editions, so it reports no trend breaks; {@link #withPreviousEditions} gives it a way to find them.
 */
public final class Validator {

    private static final Validator STANDARD = new Validator(id -> Optional.empty());

    private final Function<String, Optional<Edition>> previousEditions;

    private Validator(Function<String, Optional<Edition>> previousEditions) {
        this.previousEditions = previousEditions;
    }

    /** A validator that knows no previous editions. */
    public static Validator standard() {
        return STANDARD;
    }

    /** A copy of this validator that finds previous editions (for {@code trend-break}) with the lookup. */
    public Validator withPreviousEditions(Function<String, Optional<Edition>> lookup) {
        return new Validator(requireNonNull(lookup, "lookup"));
    }

    /**
     * Validates one module on its own. Routing references that the module does not define are taken to
     * be base questions and are not checked, unless the module is itself the base.
     */
    public ValidationReport validate(Module module) {
        return validate(module, Set.of());
    }

    /**
     * Validates one module on its own, as read from a file.
     *
     * @param unreadable ids of questions, scales and clusters that exist in the file but could not be
     *     read; references to them are not reported again
     */
    public ValidationReport validate(Module module, Set<String> unreadable) {
        requireNonNull(module, "module");
        requireNonNull(unreadable, "unreadable");
        Run run = new Run(null, List.of(module), Set.copyOf(unreadable));
        run.module(module);
        return new ValidationReport(run.violations);
    }

    /** Validates a whole edition, including trend breaks against its previous edition when known. */
    public ValidationReport validate(Edition edition) {
        requireNonNull(edition, "edition");
        return validate(edition.manifest(), edition.modules(), Set.of());
    }

    /**
     * Validates an edition file with the modules of its folder, as they could be read.
     *
     * @param manifest the edition file
     * @param modules the modules that could be read (listed in the manifest or not)
     * @param unreadable ids of modules, questions, scales and clusters that exist in the files but could
     *     not be read; references to them are not reported again
     */
    public ValidationReport validate(EditionManifest manifest, Collection<Module> modules, Set<String> unreadable) {
        requireNonNull(manifest, "manifest");
        requireNonNull(modules, "modules");
        requireNonNull(unreadable, "unreadable");
        Run run = new Run(manifest, List.copyOf(modules), Set.copyOf(unreadable));
        run.edition();
        return new ValidationReport(run.violations);
    }

    /** The state of one validation. */
    private final class Run {
        final EditionManifest manifest;
        final List<Module> modules;
        final Set<String> unreadable;
        final List<Violation> violations = new ArrayList<>();
        final Map<String, Module> byId = new LinkedHashMap<>();
        final Map<String, Module> ownerOfQuestion = new HashMap<>();

        Run(EditionManifest manifest, List<Module> modules, Set<String> unreadable) {
            this.manifest = manifest;
            this.modules = modules;
            this.unreadable = unreadable;
            for (Module module : modules) {
                byId.putIfAbsent(module.id(), module);
                for (Question question : module.questions()) {
                    ownerOfQuestion.putIfAbsent(question.id(), module);
                }
            }
        }

        void error(ViolationCode code, String path, String message) {
            violations.add(Violation.error(code, path, message));
        }

        void warning(ViolationCode code, String path, String message) {
            violations.add(Violation.warning(code, path, message));
        }

        // ---------------------------------------------------------------- edition

        void edition() {
            String path = Paths.EDITION;
            violations.addAll(BeanChecks.check(manifest, path));
            violations.addAll(BeanChecks.check(manifest.rules(), Paths.property(path, "rules")));

            Module base = byId.get(manifest.base());
            if (base == null) {
                if (!unreadable.contains(manifest.base())) {
                    error(
                            ViolationCode.UNKNOWN_REFERENCE,
                            Paths.property(path, "base"),
                            "base module \"" + manifest.base() + "\" has no file (known modules: "
                                    + known(byId.keySet()) + ")");
                }
            } else if (base.kind() != ModuleKind.BASE) {
                error(
                        ViolationCode.WRONG_KIND,
                        Paths.property(path, "base"),
                        "module \"" + base.id() + "\" is the edition's base but its kind is "
                                + base.kind().key());
            }
            Set<String> listed = new HashSet<>();
            for (int i = 0; i < manifest.modules().size(); i++) {
                String id = manifest.modules().get(i);
                String at = Paths.element(Paths.property(path, "modules"), i);
                if (!listed.add(id) || id.equals(manifest.base())) {
                    error(ViolationCode.DUPLICATE_ID, at, "module \"" + id + "\" is listed twice");
                    continue;
                }
                Module module = byId.get(id);
                if (module == null) {
                    if (!unreadable.contains(id)) {
                        error(
                                ViolationCode.UNKNOWN_REFERENCE,
                                at,
                                "module \"" + id + "\" has no file (known modules: " + known(byId.keySet()) + ")");
                    }
                } else if (module.kind() != ModuleKind.OPTIONAL) {
                    error(
                            ViolationCode.WRONG_KIND,
                            at,
                            "module \"" + id + "\" is listed as optional but its kind is "
                                    + module.kind().key());
                }
            }
            Set<String> seenModules = new HashSet<>();
            for (Module module : modules) {
                if (!seenModules.add(module.id())) {
                    error(
                            ViolationCode.DUPLICATE_ID,
                            Paths.module(module.id()),
                            "module id \"" + module.id() + "\" is used by two files");
                } else if (!listed.contains(module.id()) && !module.id().equals(manifest.base())) {
                    warning(
                            ViolationCode.UNLISTED_MODULE,
                            Paths.module(module.id()),
                            "module \"" + module.id()
                                    + "\" is not listed in the edition file, so it is not part of edition "
                                    + manifest.edition());
                }
            }
            uniqueAcrossEdition();
            for (Module module : byId.values()) {
                module(module);
            }
            rules();
            trends();
        }

        private void uniqueAcrossEdition() {
            Map<String, String> questionOwner = new HashMap<>();
            Map<String, String> clusterOwner = new HashMap<>();
            for (Module module : byId.values()) {
                String path = Paths.module(module.id());
                List<String> qNames = Paths.names(module.questions(), Question::id);
                for (int i = 0; i < module.questions().size(); i++) {
                    String id = module.questions().get(i).id();
                    String owner = questionOwner.putIfAbsent(id, module.id());
                    if (owner != null && !owner.equals(module.id())) {
                        error(
                                ViolationCode.DUPLICATE_ID,
                                Paths.property(Paths.element(Paths.property(path, "questions"), qNames.get(i)), "id"),
                                "question id \"" + id + "\" is also used in module \"" + owner
                                        + "\"; question ids name data columns and must be unique in an edition");
                    }
                }
                List<String> cNames = Paths.names(module.clusters(), Cluster::id);
                for (int i = 0; i < module.clusters().size(); i++) {
                    String id = module.clusters().get(i).id();
                    String owner = clusterOwner.putIfAbsent(id, module.id());
                    if (owner != null && !owner.equals(module.id())) {
                        error(
                                ViolationCode.DUPLICATE_ID,
                                Paths.property(Paths.element(Paths.property(path, "clusters"), cNames.get(i)), "id"),
                                "cluster id \"" + id + "\" is also used in module \"" + owner
                                        + "\"; cluster ids must be unique in an edition");
                    }
                }
            }
        }

        private void rules() {
            var rules = manifest.rules();
            String path = Paths.property(Paths.EDITION, "rules");
            int offered = (int) manifest.modules().stream().distinct().count();
            if (rules.chosenPerInstitution() > offered) {
                error(
                        ViolationCode.RULES_INFEASIBLE,
                        Paths.property(path, "chosenPerInstitution"),
                        String.format(
                                Locale.ROOT,
                                "chosenPerInstitution (%d) is more than the %d optional modules of the edition",
                                rules.chosenPerInstitution(),
                                offered));
            } else if (rules.chosenPerInstitution() + rules.randomPerRespondent() > offered) {
                error(
                        ViolationCode.RULES_INFEASIBLE,
                        Paths.property(path, "randomPerRespondent"),
                        String.format(
                                Locale.ROOT,
                                "chosenPerInstitution (%d) + randomPerRespondent (%d) is more than the %d optional modules of the edition",
                                rules.chosenPerInstitution(),
                                rules.randomPerRespondent(),
                                offered));
            }
            Module base = byId.get(manifest.base());
            if (base == null) {
                return;
            }
            List<Module> optional = manifest.modules().stream()
                    .distinct()
                    .map(byId::get)
                    .filter(m -> m != null && m.kind() == ModuleKind.OPTIONAL)
                    .toList();
            if (optional.size() < manifest.modules().stream().distinct().count()) {
                return; // a module is missing or unreadable, so the longest combination is unknown
            }
            List<Integer> longest = optional.stream()
                    .map(Module::seconds)
                    .sorted((a, b) -> b - a)
                    .limit(Math.max(0, rules.modulesPerRespondent()))
                    .toList();
            int seconds = base.seconds()
                    + longest.stream().mapToInt(Integer::intValue).sum();
            if (seconds > rules.maxMinutes() * 60) {
                error(
                        ViolationCode.LENGTH_BUDGET,
                        Paths.property(path, "maxMinutes"),
                        String.format(
                                Locale.ROOT,
                                "base (%.1f min) + the %d longest optional modules (%.1f min) take %.1f minutes, more than maxMinutes (%d)",
                                base.seconds() / 60.0,
                                longest.size(),
                                (seconds - base.seconds()) / 60.0,
                                seconds / 60.0,
                                rules.maxMinutes()));
            }
        }

        private void trends() {
            String previousId = manifest.previous();
            if (previousId == null) {
                return;
            }
            Optional<Edition> found = previousEditions.apply(previousId);
            if (found.isEmpty()) {
                return;
            }
            Edition previous = found.get();
            for (Module module : byId.values()) {
                List<String> names = Paths.names(module.questions(), Question::id);
                for (int i = 0; i < module.questions().size(); i++) {
                    Question question = module.questions().get(i);
                    Optional<Question> before = previous.question(question.id());
                    if (before.isEmpty()) {
                        continue;
                    }
                    String path = Paths.element(Paths.property(Paths.module(module.id()), "questions"), names.get(i));
                    String change = change(
                            before.get(), previous.moduleOf(question.id()).orElseThrow(), question, module);
                    if (change != null) {
                        warning(
                                ViolationCode.TREND_BREAK,
                                path,
                                "question \"" + question.id() + "\" " + change + " since edition " + previous.id()
                                        + ", so its trend is broken");
                    }
                }
            }
        }

        private String change(Question before, Module beforeModule, Question now, Module nowModule) {
            if (before.type() != now.type()) {
                return "changed type from " + before.type().key() + " to "
                        + now.type().key();
            }
            if (!before.text().equals(now.text())) {
                return "has other text";
            }
            if (before instanceof ScaleQuestion b && now instanceof ScaleQuestion n) {
                Optional<Scale> bs = beforeModule.scale(b.scale());
                Optional<Scale> ns = nowModule.scale(n.scale());
                if (bs.isPresent() && ns.isPresent() && !sameScale(bs.get(), ns.get())) {
                    return "has another scale";
                }
            }
            if (before instanceof SingleQuestion b
                    && now instanceof SingleQuestion n
                    && !b.options().equals(n.options())) {
                return "has other options";
            }
            if (before instanceof MultiQuestion b
                    && now instanceof MultiQuestion n
                    && !b.options().equals(n.options())) {
                return "has other options";
            }
            return null;
        }

        private boolean sameScale(Scale a, Scale b) {
            return a.points().equals(b.points())
                    && a.negative().equals(b.negative())
                    && a.neutral().equals(b.neutral())
                    && a.positive().equals(b.positive())
                    && a.nonSubstantive().equals(b.nonSubstantive());
        }

        // ---------------------------------------------------------------- module

        void module(Module module) {
            String path = Paths.module(module.id());
            violations.addAll(BeanChecks.check(module, path));
            texts(module.title(), Paths.property(path, "title"));

            String scalesPath = Paths.property(path, "scales");
            List<String> scaleNames = Paths.names(module.scales(), Scale::id);
            duplicates(module.scales(), Scale::id, scaleNames, scalesPath, "scale");
            for (int i = 0; i < module.scales().size(); i++) {
                scale(module.scales().get(i), Paths.element(scalesPath, scaleNames.get(i)));
            }

            String questionsPath = Paths.property(path, "questions");
            List<String> questionNames = Paths.names(module.questions(), Question::id);
            duplicates(module.questions(), Question::id, questionNames, questionsPath, "question");
            for (int i = 0; i < module.questions().size(); i++) {
                question(module, i, Paths.element(questionsPath, questionNames.get(i)));
            }

            String clustersPath = Paths.property(path, "clusters");
            List<String> clusterNames = Paths.names(module.clusters(), Cluster::id);
            duplicates(module.clusters(), Cluster::id, clusterNames, clustersPath, "cluster");
            for (int i = 0; i < module.clusters().size(); i++) {
                cluster(module, module.clusters().get(i), Paths.element(clustersPath, clusterNames.get(i)));
            }
        }

        private <T> void duplicates(
                List<T> elements, Function<T, String> id, List<String> names, String path, String what) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < elements.size(); i++) {
                String value = id.apply(elements.get(i));
                if (!seen.add(value)) {
                    error(
                            ViolationCode.DUPLICATE_ID,
                            Paths.property(Paths.element(path, names.get(i)), "id"),
                            what + " id \"" + value + "\" is used twice in the module");
                }
            }
        }

        private void texts(LocalizedText text, String path) {
            if (text.get(LocalizedText.DUTCH).filter(t -> !t.isBlank()).isEmpty()) {
                error(ViolationCode.MISSING_TRANSLATION, path, "the Dutch text (nl) is missing or blank");
            }
            if (text.get(LocalizedText.ENGLISH).filter(t -> !t.isBlank()).isEmpty()) {
                warning(ViolationCode.MISSING_TRANSLATION, path, "the English text (en) is missing or blank");
            }
        }

        private void scale(Scale scale, String path) {
            violations.addAll(BeanChecks.check(scale, path));
            Set<Integer> codes = new HashSet<>();
            for (int i = 0; i < scale.points().size(); i++) {
                ScalePoint point = scale.points().get(i);
                String at = Paths.element(Paths.property(path, "points"), i);
                texts(point.label(), Paths.property(at, "label"));
                if (!codes.add(point.code())) {
                    error(
                            ViolationCode.DUPLICATE_ID,
                            Paths.property(at, "code"),
                            "point code " + point.code() + " is used twice");
                }
            }
            options(scale.nonSubstantive(), Paths.property(path, "nonSubstantive"));
            Map<Integer, List<String>> classOf = new LinkedHashMap<>();
            Map<String, List<Integer>> classes = new LinkedHashMap<>();
            classes.put("negative", scale.negative());
            classes.put("neutral", scale.neutral());
            classes.put("positive", scale.positive());
            classes.forEach((name, members) -> {
                for (int i = 0; i < members.size(); i++) {
                    int code = members.get(i);
                    if (!codes.contains(code)) {
                        error(
                                ViolationCode.SCALE_CLASSIFICATION,
                                Paths.element(Paths.property(path, name), i),
                                "code " + code + " in " + name + " is not a point of scale \"" + scale.id()
                                        + "\" (points: "
                                        + codes.stream().sorted().toList() + ")");
                    }
                    classOf.computeIfAbsent(code, c -> new ArrayList<>()).add(name);
                }
            });
            for (ScalePoint point : scale.points()) {
                List<String> in = classOf.getOrDefault(point.code(), List.of());
                if (in.isEmpty()) {
                    error(
                            ViolationCode.SCALE_CLASSIFICATION,
                            path,
                            "point " + point.code() + " of scale \"" + scale.id()
                                    + "\" is in none of negative, neutral, positive");
                } else if (in.size() > 1) {
                    error(
                            ViolationCode.SCALE_CLASSIFICATION,
                            path,
                            "point " + point.code() + " of scale \"" + scale.id() + "\" is in more than one class: "
                                    + in);
                }
            }
        }

        private void options(List<Option> options, String path) {
            Set<String> codes = new HashSet<>();
            for (int i = 0; i < options.size(); i++) {
                Option option = options.get(i);
                String at = Paths.element(path, i);
                violations.addAll(BeanChecks.check(option, at));
                texts(option.label(), Paths.property(at, "label"));
                if (!codes.add(option.code())) {
                    error(
                            ViolationCode.DUPLICATE_ID,
                            Paths.property(at, "code"),
                            "code \"" + option.code() + "\" is used twice");
                }
            }
        }

        private void question(Module module, int index, String path) {
            Question question = module.questions().get(index);
            violations.addAll(BeanChecks.check(question, path));
            texts(question.text(), Paths.property(path, "text"));
            if (question instanceof ScaleQuestion q) {
                if (module.scale(q.scale()).isEmpty() && !unreadable.contains(q.scale())) {
                    error(
                            ViolationCode.UNKNOWN_REFERENCE,
                            Paths.property(path, "scale"),
                            "unknown scale \"" + q.scale() + "\" (scales of module " + module.id() + ": "
                                    + known(module.scales().stream()
                                            .map(Scale::id)
                                            .toList()) + ")");
                }
            } else if (question instanceof SingleQuestion q) {
                options(q.options(), Paths.property(path, "options"));
            } else if (question instanceof MultiQuestion q) {
                options(q.options(), Paths.property(path, "options"));
                int n = q.options().size();
                if (q.minSelected() != null && q.minSelected() > n) {
                    error(
                            ViolationCode.INVALID_VALUE,
                            Paths.property(path, "minSelected"),
                            "minSelected (" + q.minSelected() + ") is more than the " + n + " options");
                }
                if (q.minSelected() != null && q.maxSelected() != null && q.minSelected() > q.maxSelected()) {
                    error(
                            ViolationCode.INVALID_VALUE,
                            Paths.property(path, "maxSelected"),
                            "maxSelected (" + q.maxSelected() + ") is less than minSelected (" + q.minSelected() + ")");
                }
            } else if (question instanceof NumberQuestion q) {
                if (q.unit() != null) {
                    texts(q.unit(), Paths.property(path, "unit"));
                }
                if (q.min() != null && q.max() != null && q.min().compareTo(q.max()) > 0) {
                    error(
                            ViolationCode.INVALID_VALUE,
                            Paths.property(path, "max"),
                            "max (" + q.max().toPlainString() + ") is less than min ("
                                    + q.min().toPlainString() + ")");
                }
            }
            if (question.visibleIf() != null) {
                routing(module, index, Paths.property(path, "visibleIf"));
            }
        }

        private void routing(Module module, int index, String path) {
            Question question = module.questions().get(index);
            Condition condition;
            try {
                condition = Routing.parse(question.visibleIf());
            } catch (RoutingException e) {
                error(
                        ViolationCode.ROUTING_SYNTAX,
                        path,
                        "\"" + e.expression() + "\" at position " + (e.position() + 1) + ": " + e.reason());
                return;
            }
            for (Condition.Reference reference : condition.references()) {
                String target = reference.question();
                int targetIndex = indexOf(module, target);
                if (targetIndex >= 0) {
                    if (targetIndex >= index) {
                        error(
                                ViolationCode.ROUTING_FORWARD_REFERENCE,
                                path,
                                "\"" + target + "\" is "
                                        + (targetIndex == index ? "the question itself" : "asked later")
                                        + "; a condition may only read earlier questions");
                    } else {
                        types(reference, module.questions().get(targetIndex), module, path);
                    }
                    continue;
                }
                Module owner = ownerOfQuestion.get(target);
                if (owner == null) {
                    boolean baseUnknown = manifest == null && !isBase(module);
                    if (!baseUnknown && !unreadable.contains(target)) {
                        error(
                                ViolationCode.UNKNOWN_REFERENCE,
                                path,
                                "unknown question \"" + target + "\" in \"" + question.visibleIf() + "\"");
                    }
                } else if (isBase(owner) && !isBase(module)) {
                    types(reference, owner.question(target).orElseThrow(), owner, path);
                } else {
                    error(
                            ViolationCode.ROUTING_CROSS_MODULE,
                            path,
                            "\"" + target + "\" belongs to module \"" + owner.id()
                                    + "\", which a respondent may not get; a condition may read only its own module and the base");
                }
            }
        }

        /** Whether the module is the base: the edition's base when there is an edition, else by its kind. */
        private boolean isBase(Module module) {
            return manifest != null ? module.id().equals(manifest.base()) : module.kind() == ModuleKind.BASE;
        }

        private int indexOf(Module module, String questionId) {
            for (int i = 0; i < module.questions().size(); i++) {
                if (module.questions().get(i).id().equals(questionId)) {
                    return i;
                }
            }
            return -1;
        }

        private void types(Condition.Reference reference, Question target, Module owner, String path) {
            String id = target.id();
            QuestionType type = target.type();
            Condition.Operator op = reference.operator();
            for (Condition.Literal literal : reference.literals()) {
                String problem = null;
                boolean number = literal instanceof Condition.NumberLiteral;
                String text = literal instanceof Condition.TextLiteral t ? t.value() : null;
                switch (type) {
                    case TEXT -> problem = "open question \"" + id + "\" can only be tested with answered(" + id + ")";
                    case NUMBER, GRADE -> {
                        if (!number) {
                            problem = type.key() + " question \"" + id + "\" is compared with the text " + literal;
                        }
                    }
                    case SCALE -> {
                        Optional<Scale> scale = owner.scale(((ScaleQuestion) target).scale());
                        if (!number
                                && (op != null && op.isOrdering()
                                        || scale.isPresent() && !scale.get().isNonSubstantive(text))) {
                            problem = "scale question \"" + id + "\" is compared with " + literal
                                    + ", which is not a non-substantive code of its scale";
                        }
                    }
                    case SINGLE, MULTI -> {
                        List<Option> options =
                                target instanceof SingleQuestion s ? s.options() : ((MultiQuestion) target).options();
                        if (number) {
                            problem = type.key() + " question \"" + id + "\" is compared with the number " + literal;
                        } else if (op != null && op.isOrdering()) {
                            problem = type.key() + " question \"" + id + "\" has no order; use = or in";
                        } else if (options.stream().noneMatch(o -> o.code().equals(text))) {
                            problem = literal + " is not an option of \"" + id + "\" (options: "
                                    + options.stream().map(Option::code).collect(Collectors.joining(", ")) + ")";
                        }
                    }
                }
                if (problem != null) {
                    error(ViolationCode.ROUTING_TYPE_MISMATCH, path, problem);
                    return;
                }
            }
        }

        private void cluster(Module module, Cluster cluster, String path) {
            violations.addAll(BeanChecks.check(cluster, path));
            texts(cluster.title(), Paths.property(path, "title"));
            String itemsPath = Paths.property(path, "items");
            Set<String> seen = new HashSet<>();
            String firstScale = null;
            for (int i = 0; i < cluster.items().size(); i++) {
                String item = cluster.items().get(i);
                String at = Paths.element(itemsPath, i);
                if (!seen.add(item)) {
                    error(ViolationCode.DUPLICATE_ID, at, "item \"" + item + "\" is listed twice");
                    continue;
                }
                Optional<Question> question = module.question(item);
                if (question.isEmpty()) {
                    Module owner = ownerOfQuestion.get(item);
                    if (owner != null) {
                        error(
                                ViolationCode.CLUSTER_SPLIT,
                                at,
                                "item \"" + item + "\" belongs to module \"" + owner.id()
                                        + "\"; a cluster's items must all be in its own module");
                    } else if (!unreadable.contains(item)) {
                        error(
                                ViolationCode.UNKNOWN_REFERENCE,
                                at,
                                "unknown question \"" + item + "\" (questions of module " + module.id() + ": "
                                        + known(module.questions().stream()
                                                .map(Question::id)
                                                .toList()) + ")");
                    }
                    continue;
                }
                if (!(question.get() instanceof ScaleQuestion scaleQuestion)) {
                    error(
                            ViolationCode.CLUSTER_ITEM_TYPE,
                            at,
                            "item \"" + item + "\" is a "
                                    + question.get().type().key() + " question; cluster items are scale questions");
                    continue;
                }
                if (firstScale == null) {
                    firstScale = scaleQuestion.scale();
                } else if (!firstScale.equals(scaleQuestion.scale())) {
                    error(
                            ViolationCode.CLUSTER_MIXED_SCALES,
                            at,
                            "item \"" + item + "\" uses scale \"" + scaleQuestion.scale()
                                    + "\" but the cluster's first item uses \"" + firstScale + "\"");
                }
            }
            for (int i = 0; i < cluster.reverse().size(); i++) {
                String item = cluster.reverse().get(i);
                if (!cluster.items().contains(item)) {
                    error(
                            ViolationCode.CLUSTER_REVERSE_NOT_ITEM,
                            Paths.element(Paths.property(path, "reverse"), i),
                            "reverse-keyed \"" + item + "\" is not an item of the cluster (items: "
                                    + String.join(", ", cluster.items()) + ")");
                }
            }
            Integer min = cluster.minAnswered();
            if (min != null && (min < 1 || min > cluster.items().size())) {
                error(
                        ViolationCode.CLUSTER_MIN_ANSWERED,
                        Paths.property(path, "minAnswered"),
                        "minAnswered (" + min + ") must be between 1 and the number of items ("
                                + cluster.items().size() + ")");
            }
        }
    }

    private static String known(Collection<String> ids) {
        return ids.isEmpty() ? "none" : String.join(", ", new TreeSet<>(ids));
    }
}
