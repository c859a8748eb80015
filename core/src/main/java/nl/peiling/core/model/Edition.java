package nl.peiling.core.model;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A whole edition: its manifest with the base module and the optional modules it names.
 *
 * <p>An edition is built from definitions that passed validation; the constructor checks only that the
 * modules are the ones the manifest names. Use {@code nl.peiling.core.io.Definitions} to read one.
 *
 * @param manifest the edition file
 * @param base the base questionnaire
 * @param optional the optional modules, in the manifest's order
 */
public record Edition(EditionManifest manifest, Module base, List<Module> optional) {

    public Edition {
        requireNonNull(manifest, "manifest");
        requireNonNull(base, "base");
        optional = List.copyOf(optional);
        if (!manifest.base().equals(base.id())) {
            throw new IllegalArgumentException(
                    "base module \"" + base.id() + "\" is not the manifest's base \"" + manifest.base() + "\"");
        }
        List<String> ids = optional.stream().map(Module::id).toList();
        if (!ids.equals(manifest.modules())) {
            throw new IllegalArgumentException(
                    "optional modules " + ids + " are not the manifest's modules " + manifest.modules());
        }
    }

    /** The edition id, e.g. {@code 2027}. */
    public String id() {
        return manifest.edition();
    }

    /** The allocation rules. */
    public Rules rules() {
        return manifest.rules();
    }

    /** The base module, then the optional modules. */
    public List<Module> modules() {
        List<Module> all = new ArrayList<>(optional.size() + 1);
        all.add(base);
        all.addAll(optional);
        return List.copyOf(all);
    }

    /** The module with this id, if the edition has it. */
    public Optional<Module> module(String moduleId) {
        return modules().stream().filter(m -> m.id().equals(moduleId)).findFirst();
    }

    /** The question with this id in any module, if the edition has it. */
    public Optional<Question> question(String questionId) {
        return modules().stream().flatMap(m -> m.question(questionId).stream()).findFirst();
    }

    /** The module that holds the question, if any. */
    public Optional<Module> moduleOf(String questionId) {
        return modules().stream()
                .filter(m -> m.question(questionId).isPresent())
                .findFirst();
    }

    /** All questions in questionnaire order: base first, then the optional modules in manifest order. */
    public List<Question> questions() {
        return modules().stream().flatMap(m -> m.questions().stream()).toList();
    }

    /** All clusters, in questionnaire order. */
    public List<Cluster> clusters() {
        return modules().stream().flatMap(m -> m.clusters().stream()).toList();
    }

    /** A map from module id to module, in questionnaire order. */
    public Map<String, Module> modulesById() {
        Map<String, Module> byId = new LinkedHashMap<>();
        Stream.concat(Stream.of(base), optional.stream()).forEach(m -> byId.put(m.id(), m));
        return java.util.Collections.unmodifiableMap(byId);
    }

    @Override
    public String toString() {
        return "Edition[" + id() + ": base " + base.id() + ", modules " + manifest.modules() + ", " + rules() + "]";
    }
}
