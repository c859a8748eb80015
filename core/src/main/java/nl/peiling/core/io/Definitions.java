package nl.peiling.core.io;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import nl.peiling.core.model.Edition;
import nl.peiling.core.model.EditionManifest;
import nl.peiling.core.model.Module;
import nl.peiling.core.validation.Paths;
import nl.peiling.core.validation.ValidationReport;
import nl.peiling.core.validation.Validator;
import nl.peiling.core.validation.Violation;
import nl.peiling.core.validation.ViolationCode;

/**
 * Reads and validates definition files: module files, edition files and definition folders (an
 * {@code edition.json} with one {@code <module id>.json} per module).
 *
 * <p>Reading is strict and reports every problem: syntax errors, unknown properties, wrong types and
 * missing fields with their line and column, then every rule of the {@link Validator}. The {@code read}
 * methods return the definition when it has no errors and throw {@link DefinitionException} otherwise;
 * the {@code validate} methods return the report either way.
 *
 * <p>An instance is immutable and can be shared between threads. The previous edition of a folder, for
 * trend checks, is looked up first as a sibling folder named after it, then with
 * {@link #withPreviousEditions}.
 */
public final class Definitions {

    /** The name of the edition file in a definition folder. */
    public static final String EDITION_FILE = "edition.json";

    private static final Definitions STANDARD = new Definitions(id -> Optional.empty());

    private final Function<String, Optional<Edition>> previousEditions;

    private Definitions(Function<String, Optional<Edition>> previousEditions) {
        this.previousEditions = previousEditions;
    }

    /** A reader that finds previous editions only as sibling folders. */
    public static Definitions standard() {
        return STANDARD;
    }

    /** A copy that also finds previous editions with the lookup (for example in the shipped catalog). */
    public Definitions withPreviousEditions(Function<String, Optional<Edition>> lookup) {
        return new Definitions(requireNonNull(lookup, "lookup"));
    }

    // ------------------------------------------------------------------------------------- reading

    /**
     * Reads a definition folder as an edition.
     *
     * @throws DefinitionException when the folder cannot be read or has errors
     */
    public Edition readEdition(Path folder) {
        Result result = readFolder(folder);
        return result.edition().orElseThrow(() -> new DefinitionException(result.report()));
    }

    /**
     * Reads an edition from files held in memory, for example class-path resources.
     *
     * @param location how the folder is named in violations, e.g. {@code catalog:2027}
     * @param files the content of each file by file name, with {@value #EDITION_FILE} among them
     * @throws DefinitionException when the definitions have errors
     */
    public Edition readEdition(String location, Map<String, byte[]> files) {
        Result result = readFiles(location, files, Optional.empty(), true);
        return result.edition().orElseThrow(() -> new DefinitionException(result.report()));
    }

    /**
     * Reads an edition whose rules were checked when it was built, such as the shipped catalog (its
     * tests run every rule of the {@link Validator} on it). The files are parsed and bound as strictly as
     * by {@link #readEdition(String, Map)}, so a syntax error, an unknown property or a wrong type still
     * fails; only the rule check is left out, whose Bean Validation would cost about a second on each
     * start. Anything a user supplies goes through {@link #readEdition(Path)} or {@link #validate(Path)}.
     *
     * @param location how the folder is named in violations, e.g. {@code catalog:2027}
     * @param files the content of each file by file name, with {@value #EDITION_FILE} among them
     * @throws DefinitionException when the files cannot be read as definitions
     */
    public Edition readValidatedEdition(String location, Map<String, byte[]> files) {
        Result result = readFiles(location, files, Optional.empty(), false);
        return result.edition().orElseThrow(() -> new DefinitionException(result.report()));
    }

    /**
     * Reads one module file on its own.
     *
     * @throws DefinitionException when the file cannot be read or has errors
     */
    public Module readModule(Path file) {
        requireNonNull(file, "file");
        return readModule(file.toString(), bytes(file));
    }

    /**
     * Reads one module from bytes.
     *
     * @param location how the file is named in violations
     * @throws DefinitionException when the content has errors
     */
    public Module readModule(String location, byte[] json) {
        requireNonNull(location, "location");
        requireNonNull(json, "json");
        FileRead file = parse(location, json, false);
        ValidationReport report = checkModule(file);
        if (file.module == null || file.binder.broken() || !report.isValid()) {
            throw new DefinitionException(report);
        }
        return file.module;
    }

    // ---------------------------------------------------------------------------------- validating

    /**
     * Validates files and folders: a folder, or an {@value #EDITION_FILE}, as a whole edition; any other
     * file as a single module. Unreadable paths become violations, so nothing throws.
     */
    public ValidationReport validate(List<Path> paths) {
        requireNonNull(paths, "paths");
        ValidationReport report = ValidationReport.empty();
        for (Path path : paths) {
            report = report.and(validate(path));
        }
        return report;
    }

    /** Validates one file or folder; see {@link #validate(List)}. */
    public ValidationReport validate(Path path) {
        requireNonNull(path, "path");
        if (Files.isDirectory(path)) {
            return readFolder(path).report();
        }
        if (path.getFileName() != null && path.getFileName().toString().equals(EDITION_FILE)) {
            Path parent = path.toAbsolutePath().getParent();
            return readFolder(parent).report();
        }
        try {
            return checkModule(parse(path.toString(), Files.readAllBytes(path), false));
        } catch (IOException e) {
            return unreadable(path, e);
        }
    }

    /** Validates an edition already in memory, with this instance's previous-edition lookup. */
    public ValidationReport validate(Edition edition) {
        requireNonNull(edition, "edition");
        return Validator.standard().withPreviousEditions(previousEditions).validate(edition);
    }

    // ------------------------------------------------------------------------------------- writing

    /** The module as a definition file: UTF-8 JSON, two-space indent, the format's property order. */
    public static String toJson(Module module) {
        return Writer.module(module);
    }

    /** The edition file as JSON. */
    public static String toJson(EditionManifest manifest) {
        return Writer.manifest(manifest);
    }

    /** Writes an edition as a definition folder: {@value #EDITION_FILE} and one file per module. */
    public static void writeEdition(Edition edition, Path folder) throws IOException {
        requireNonNull(edition, "edition");
        requireNonNull(folder, "folder");
        Files.createDirectories(folder);
        // Each file atomically; the modules first, so that an edition.json is never newer than its modules.
        for (Module module : edition.modules()) {
            AtomicFiles.writeString(folder.resolve(module.id() + ".json"), toJson(module));
        }
        AtomicFiles.writeString(folder.resolve(EDITION_FILE), toJson(edition.manifest()));
    }

    // ------------------------------------------------------------------------------------ internals

    /** An edition, when it could be built, and every violation found. */
    private record Result(Optional<Edition> edition, ValidationReport report) {}

    /** One file as parsed and bound. */
    private static final class FileRead {
        final String location;
        final Binder binder = new Binder();
        Module module;
        EditionManifest manifest;
        String pathPrefix;

        FileRead(String location) {
            this.location = location;
        }
    }

    private static ValidationReport checkModule(FileRead file) {
        List<Violation> violations = new ArrayList<>();
        if (file.module != null) {
            violations.addAll(Validator.standard()
                    .validate(file.module, file.binder.unreadableIds())
                    .violations());
        }
        return place(violations, List.of(file));
    }

    private Result readFolder(Path folder) {
        requireNonNull(folder, "folder");
        Map<String, byte[]> files = new TreeMap<>();
        String location = folder.toString();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path file : entries.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList()) {
                files.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            return new Result(Optional.empty(), unreadable(folder, e));
        }
        return readFiles(location, files, Optional.of(folder), true);
    }

    private Result readFiles(String location, Map<String, byte[]> files, Optional<Path> folder, boolean checkRules) {
        requireNonNull(location, "location");
        requireNonNull(files, "files");
        String sep = location.endsWith("/") || location.endsWith(":") ? "" : "/";
        byte[] editionJson = files.get(EDITION_FILE);
        if (editionJson == null) {
            Violation missing = Violation.error(
                            ViolationCode.MISSING_FIELD,
                            Paths.EDITION,
                            "the folder has no " + EDITION_FILE + " (files: " + files.keySet() + ")")
                    .at(location, null, null);
            return new Result(Optional.empty(), new ValidationReport(List.of(missing)));
        }
        FileRead editionFile = parse(location + sep + EDITION_FILE, editionJson, true);
        List<FileRead> reads = new ArrayList<>();
        reads.add(editionFile);
        List<Module> modules = new ArrayList<>();
        Set<String> unreadable = new LinkedHashSet<>();
        boolean broken = editionFile.binder.broken();
        for (Map.Entry<String, byte[]> entry : files.entrySet()) {
            if (entry.getKey().equals(EDITION_FILE) || !entry.getKey().endsWith(".json")) {
                continue;
            }
            FileRead read = parse(location + sep + entry.getKey(), entry.getValue(), false);
            reads.add(read);
            unreadable.addAll(read.binder.unreadableIds());
            if (read.module != null) {
                modules.add(read.module);
            } else {
                unreadable.add(stem(entry.getKey()));
            }
            broken |= read.binder.broken();
        }
        List<Violation> violations = new ArrayList<>();
        EditionManifest manifest = editionFile.manifest;
        if (manifest != null && checkRules) {
            Function<String, Optional<Edition>> lookup = previousLookup(folder, manifest);
            violations.addAll(Validator.standard()
                    .withPreviousEditions(lookup)
                    .validate(manifest, modules, unreadable)
                    .violations());
        }
        ValidationReport report = place(violations, reads);
        if (manifest == null || broken || !report.isValid()) {
            return new Result(Optional.empty(), report);
        }
        Map<String, Module> byId = new LinkedHashMap<>();
        modules.forEach(m -> byId.put(m.id(), m));
        Edition edition = new Edition(
                manifest,
                byId.get(manifest.base()),
                manifest.modules().stream().map(byId::get).toList());
        return new Result(Optional.of(edition), report);
    }

    private Function<String, Optional<Edition>> previousLookup(Optional<Path> folder, EditionManifest manifest) {
        return id -> {
            if (folder.isPresent() && id.equals(manifest.previous())) {
                Path parent = folder.get().toAbsolutePath().getParent();
                if (parent != null && !id.contains("/") && !id.contains("\\") && !id.equals("..") && !id.equals(".")) {
                    Path sibling = parent.resolve(id);
                    if (Files.isRegularFile(sibling.resolve(EDITION_FILE))) {
                        // The sibling is read without its own trend check, so a chain of editions stops here.
                        return STANDARD.readFolder(sibling).edition();
                    }
                }
            }
            return previousEditions.apply(id);
        };
    }

    /** The line of the first bytes that are not UTF-8, or null. */
    private static Integer invalidLine(byte[] json) {
        try {
            long line = Utf8.invalidLine(new java.io.ByteArrayInputStream(json));
            return line < 0 ? null : (int) line;
        } catch (IOException e) {
            return null; // not from memory
        }
    }

    private static FileRead parse(String location, byte[] json, boolean isEdition) {
        FileRead read = new FileRead(location);
        JsonTree.Node root;
        List<Violation> duplicates = new ArrayList<>();
        try {
            root = JsonTree.read(
                    json,
                    (name, node) -> duplicates.add(Violation.error(
                                    ViolationCode.DUPLICATE_PROPERTY,
                                    name,
                                    "property \"" + name + "\" appears twice in one object")
                            .at(location, node.line, node.column)));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            read.binder
                    .violations()
                    .add(Violation.error(
                                    ViolationCode.JSON_SYNTAX,
                                    isEdition ? Paths.EDITION : Paths.module(stem(location)),
                                    e.getOriginalMessage())
                            .at(location, at == null ? null : at.getLineNr(), at == null ? null : at.getColumnNr()));
            read.pathPrefix = isEdition ? Paths.EDITION : Paths.module(stem(location));
            markBroken(read);
            return read;
        } catch (IOException e) { // bytes that are not UTF-8 (CharConversionException) and other read errors
            // Only what the parser is meant to throw: anything else is a bug, for the fuzz test to find.
            read.binder
                    .violations()
                    .add(Violation.error(
                                    ViolationCode.JSON_SYNTAX,
                                    isEdition ? Paths.EDITION : Paths.module(stem(location)),
                                    "not readable as UTF-8 JSON: " + e.getMessage())
                            .at(location, invalidLine(json), null));
            read.pathPrefix = isEdition ? Paths.EDITION : Paths.module(stem(location));
            markBroken(read);
            return read;
        }
        if (isEdition) {
            read.pathPrefix = Paths.EDITION;
            read.manifest = read.binder.manifest(root);
        } else {
            read.pathPrefix = Paths.module(Binder.moduleId(root).orElse(stem(location)));
            read.module = read.binder.module(root, read.pathPrefix, stem(location));
        }
        read.binder.violations().addAll(duplicates);
        return read;
    }

    private static void markBroken(FileRead read) {
        read.binder.fail();
    }

    /**
     * Gives every violation without a file the file and position of the nearest path a file knows. A
     * rule violation at a place where reading already reported an error is left out: one problem, one
     * report.
     */
    private static ValidationReport place(List<Violation> ruleViolations, List<FileRead> reads) {
        Set<String> readErrors = new HashSet<>();
        List<Violation> violations = new ArrayList<>();
        for (FileRead read : reads) {
            violations.addAll(read.binder.violations());
            read.binder.violations().stream().filter(Violation::isError).forEach(v -> readErrors.add(v.path()));
        }
        ruleViolations.stream().filter(v -> !readErrors.contains(v.path())).forEach(violations::add);
        List<Violation> placed = new ArrayList<>(violations.size());
        for (Violation violation : violations) {
            if (violation.file() != null) {
                placed.add(violation);
                continue;
            }
            Violation result = violation;
            for (FileRead read : reads) {
                String path = violation.path();
                if (!path.equals(read.pathPrefix)
                        && !path.startsWith(read.pathPrefix + ".")
                        && !path.startsWith(read.pathPrefix + "[")) {
                    continue;
                }
                int[] at = null;
                while (at == null && !path.isEmpty()) {
                    at = read.binder.positions().get(path);
                    path = parent(path);
                }
                result = violation.at(read.location, at == null ? null : at[0], at == null ? null : at[1]);
                break;
            }
            placed.add(result);
        }
        return new ValidationReport(placed);
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? "" : path.substring(0, cut);
    }

    private static String stem(String location) {
        String name = location.substring(Math.max(location.lastIndexOf('/'), location.lastIndexOf('\\')) + 1);
        return name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DefinitionException(unreadable(file, e));
        }
    }

    private static ValidationReport unreadable(Path path, IOException e) {
        String reason =
                e instanceof NoSuchFileException ? "no such file or folder" : "cannot be read: " + e.getMessage();
        return new ValidationReport(List.of(Violation.error(ViolationCode.UNREADABLE, path.toString(), reason)
                .at(path.toString(), null, null)));
    }
}
