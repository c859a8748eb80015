package nl.peiling.core.testing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import nl.peiling.core.allocation.Allocation;
import nl.peiling.core.engine.Pathway;
import nl.peiling.core.engine.RespondentFields;
import nl.peiling.core.model.Edition;
import nl.peiling.core.model.EditionManifest;
import nl.peiling.core.model.GradeQuestion;
import nl.peiling.core.model.LocalizedText;
import nl.peiling.core.model.Module;
import nl.peiling.core.model.ModuleKind;
import nl.peiling.core.model.MultiQuestion;
import nl.peiling.core.model.NumberQuestion;
import nl.peiling.core.model.Option;
import nl.peiling.core.model.Question;
import nl.peiling.core.model.Rules;
import nl.peiling.core.model.Scale;
import nl.peiling.core.model.ScalePoint;
import nl.peiling.core.model.ScaleQuestion;
import nl.peiling.core.model.SingleQuestion;
import nl.peiling.core.model.TextQuestion;

/**
 * Random editions, allocations and answer sequences for the engine's property tests, all drawn from a
 * {@link SplittableRandom} so that the seed in a failure message reproduces the case.
 *
 * <p>An edition has a base module and one to three optional modules of one to nine questions of every
 * type; a scale per module (points from 0 or 1 up to 2–10, with zero to two non-substantive codes);
 * option codes that need CSV quoting ({@code "a,b"}, {@code q"t}); and {@code visibleIf} conditions on
 * earlier questions of the same module or the base, of every form the validator allows, nested with
 * {@code and}, {@code or} and {@code not}.
 */
public final class RandomEditions {

    private static final String[] CODES = {"ja", "nee", "a,b", "q\"t", "wn", "x y", "é", "z9"};
    private static final String[] TEXTS = {"", "ok", "Meer \"praktijk\", graag", "twee\nregels", "ééé", "a|b", "x,y"};

    private RandomEditions() {}

    /** A random edition. */
    public static Edition edition(SplittableRandom random) {
        int optional = 1 + random.nextInt(3);
        List<Module> modules = new ArrayList<>();
        List<Question> base = new ArrayList<>();
        Module basis = module("basis", ModuleKind.BASE, random, List.of(), base);
        modules.add(basis);
        for (int m = 0; m < optional; m++) {
            modules.add(module("mod" + m, ModuleKind.OPTIONAL, random, base, new ArrayList<>()));
        }
        List<String> ids =
                modules.subList(1, modules.size()).stream().map(Module::id).toList();
        EditionManifest manifest = new EditionManifest("2099", null, "basis", ids, new Rules(0, optional, 600));
        return new Edition(manifest, basis, modules.subList(1, modules.size()));
    }

    /** A random allocation: the base, then a random selection of the optional modules in random order. */
    public static Allocation allocation(Edition edition, String respondent, SplittableRandom random) {
        List<String> optional = new ArrayList<>(edition.manifest().modules());
        List<String> modules = new ArrayList<>(List.of(edition.base().id()));
        while (!optional.isEmpty()) {
            String module = optional.remove(random.nextInt(optional.size()));
            if (random.nextInt(3) > 0) {
                modules.add(module);
            }
        }
        return new Allocation(respondent, "25LZ", modules, 0);
    }

    /** Random respondent fields, with keys that need CSV quoting now and then. */
    public static RespondentFields respondent(SplittableRandom random, int number) {
        String key = switch (random.nextInt(4)) {
            case 0 -> "k,\"" + number + "\"";
            default -> "k" + number;
        };
        return new RespondentFields(
                key,
                "25LZ",
                random.nextBoolean() ? "01" : "0,2",
                1 + random.nextInt(4),
                random.nextBoolean() ? Pathway.BOL : Pathway.BBL);
    }

    private static Module module(
            String id, ModuleKind kind, SplittableRandom random, List<Question> base, List<Question> own) {
        int low = random.nextInt(2);
        int high = low + 1 + random.nextInt(9);
        List<ScalePoint> points = new ArrayList<>();
        for (int c = low; c <= high; c++) {
            points.add(new ScalePoint(c, text("punt " + c)));
        }
        List<Option> nonSubstantive = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            nonSubstantive.add(new Option(i == 1 ? "nvt" : "wn", text("geen mening")));
        }
        List<Integer> codes = points.stream().map(ScalePoint::code).toList();
        int split = 1 + random.nextInt(codes.size());
        Scale scale = new Scale(
                id + "_s",
                points,
                codes.subList(0, split - 1),
                List.of(codes.get(split - 1)),
                codes.subList(split, codes.size()),
                nonSubstantive);
        int count = 1 + random.nextInt(9);
        for (int i = 0; i < count; i++) {
            List<Question> earlier = new ArrayList<>(own);
            if (kind == ModuleKind.OPTIONAL) {
                earlier.addAll(base);
            }
            String condition = earlier.isEmpty() || random.nextInt(5) < 2 ? null : condition(random, earlier, 0);
            own.add(question(id + "_q" + i, random, scale, condition));
        }
        return new Module(id, "1", kind, text(id), List.of(scale), own, List.of());
    }

    private static Question question(String id, SplittableRandom random, Scale scale, String condition) {
        LocalizedText text = text("Vraag " + id);
        return switch (random.nextInt(6)) {
            case 0, 1 -> new ScaleQuestion(id, text, scale.id(), condition, null);
            case 2 -> new SingleQuestion(id, text, options(random), condition, null);
            case 3 -> {
                List<Option> options = options(random);
                Integer min = random.nextBoolean() ? null : random.nextInt(options.size() + 1);
                Integer max = random.nextBoolean()
                        ? null
                        : Math.max(1, min == null ? 1 : min) + random.nextInt(options.size());
                yield new MultiQuestion(id, text, options, min, max, condition, null);
            }
            case 4 ->
                random.nextBoolean()
                        ? new GradeQuestion(id, text, condition, null)
                        : new NumberQuestion(
                                id,
                                text,
                                random.nextBoolean() ? null : BigDecimal.valueOf(random.nextInt(20) - 10),
                                random.nextBoolean() ? null : new BigDecimal("40.5"),
                                null,
                                condition,
                                null);
            default ->
                new TextQuestion(id, text, random.nextBoolean() ? null : 1 + random.nextInt(20), condition, null);
        };
    }

    private static List<Option> options(SplittableRandom random) {
        int count = 2 + random.nextInt(4);
        List<Option> options = new ArrayList<>();
        int start = random.nextInt(CODES.length);
        for (int i = 0; i < count; i++) {
            String code = CODES[(start + i) % CODES.length];
            options.add(new Option(code, text("optie " + code)));
        }
        return options;
    }

    /** A condition on earlier questions, of the forms the validator allows for their types. */
    private static String condition(SplittableRandom random, List<Question> earlier, int depth) {
        int form = depth < 2 ? random.nextInt(8) : 0;
        if (form == 5) {
            return "(" + condition(random, earlier, depth + 1) + " and " + condition(random, earlier, depth + 1) + ")";
        }
        if (form == 6) {
            return "(" + condition(random, earlier, depth + 1) + " or " + condition(random, earlier, depth + 1) + ")";
        }
        if (form == 7) {
            return "not " + condition(random, earlier, depth + 1);
        }
        Question target = earlier.get(random.nextInt(earlier.size()));
        String id = target.id();
        if (random.nextInt(6) == 0) {
            return "answered(" + id + ")";
        }
        String[] operators = {"=", "!=", "<", "<=", ">", ">="};
        return switch (target.type()) {
            case SCALE -> {
                if (random.nextInt(4) == 0) {
                    yield id + (random.nextBoolean() ? " = " : " != ") + "'nvt'";
                }
                if (random.nextInt(4) == 0) {
                    yield id + " in (1, 3, 'wn')";
                }
                yield id + " " + operators[random.nextInt(6)] + " " + random.nextInt(8);
            }
            case GRADE -> id + " " + operators[random.nextInt(6)] + " " + (1 + random.nextInt(10));
            case NUMBER ->
                random.nextInt(4) == 0
                        ? id + " in (0, 12.5, -3)"
                        : id + " " + operators[random.nextInt(6)] + " " + (random.nextInt(50) - 10)
                                + new String[] {"", ".25", ".0000005"}[random.nextInt(3)];
            case SINGLE, MULTI -> {
                List<Option> options =
                        target instanceof SingleQuestion s ? s.options() : ((MultiQuestion) target).options();
                String code =
                        literal(options.get(random.nextInt(options.size())).code());
                yield random.nextBoolean()
                        ? id + (random.nextBoolean() ? " = " : " != ") + code
                        : id + " in (" + code + ", " + literal(options.get(0).code()) + ")";
            }
            case TEXT -> "answered(" + id + ")";
        };
    }

    private static String literal(String code) {
        return "'" + code.replace("'", "''") + "'";
    }

    /**
     * A cell for a question: mostly a valid answer, sometimes one that its rule refuses, sometimes empty
     * (which clears).
     */
    public static String cell(Question question, Module owner, SplittableRandom random) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return "";
        }
        if (kind == 1) {
            String[] wrong = {"99", "-1", "1.5", "x", "a||b", "1e3", " 1", "nvt ", "12,5", "ja|ja"};
            return wrong[random.nextInt(wrong.length)];
        }
        return switch (question.type()) {
            case SCALE -> {
                Scale scale = owner.scale(((ScaleQuestion) question).scale()).orElseThrow();
                if (!scale.nonSubstantive().isEmpty() && random.nextInt(5) == 0) {
                    yield scale.nonSubstantive()
                            .get(random.nextInt(scale.nonSubstantive().size()))
                            .code();
                }
                yield Integer.toString(scale.points()
                        .get(random.nextInt(scale.points().size()))
                        .code());
            }
            case GRADE -> Integer.toString(random.nextInt(12));
            case SINGLE -> {
                List<Option> options = ((SingleQuestion) question).options();
                yield options.get(random.nextInt(options.size())).code();
            }
            case MULTI -> {
                List<Option> options = ((MultiQuestion) question).options();
                List<String> selected = new ArrayList<>();
                for (Option option : options) {
                    if (random.nextInt(3) == 0) {
                        selected.add(option.code());
                    }
                }
                if (selected.isEmpty()) {
                    selected.add(options.get(0).code());
                }
                yield String.join("|", selected);
            }
            case NUMBER ->
                String.format(
                        Locale.ROOT,
                        "%d%s",
                        random.nextInt(60) - 15,
                        random.nextBoolean() ? "" : "." + random.nextInt(100));
            case TEXT ->
                TEXTS[random.nextInt(TEXTS.length)] + (random.nextInt(4) == 0 ? "x".repeat(random.nextInt(30)) : "");
        };
    }

    private static LocalizedText text(String nl) {
        return LocalizedText.of(nl, nl + " (en)");
    }
}
