package nl.peiling.stats.simulation;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.IntStream;
import nl.peiling.core.allocation.Allocation;
import nl.peiling.core.allocation.AllocationFiles;
import nl.peiling.core.allocation.Allocations;
import nl.peiling.core.allocation.Allocator;
import nl.peiling.core.allocation.Institution;
import nl.peiling.core.allocation.Institutions;
import nl.peiling.core.allocation.Location;
import nl.peiling.core.allocation.Pseudonyms;
import nl.peiling.core.allocation.Respondent;
import nl.peiling.core.engine.AnswerRule;
import nl.peiling.core.engine.Change;
import nl.peiling.core.engine.Pathway;
import nl.peiling.core.engine.Questionnaire;
import nl.peiling.core.engine.RespondentFields;
import nl.peiling.core.engine.ResponseLayout;
import nl.peiling.core.engine.Session;
import nl.peiling.core.io.AtomicFiles;
import nl.peiling.core.model.Cluster;
import nl.peiling.core.model.Edition;
import nl.peiling.core.model.GradeQuestion;
import nl.peiling.core.model.Language;
import nl.peiling.core.model.MultiQuestion;
import nl.peiling.core.model.NumberQuestion;
import nl.peiling.core.model.Option;
import nl.peiling.core.model.Question;
import nl.peiling.core.model.Scale;
import nl.peiling.core.model.SingleQuestion;
import nl.peiling.core.model.TextQuestion;

/**
 * Writes a synthetic but realistic survey: {@code institutions.json}, {@code students.csv},
 * {@code population.csv}, {@code allocation.csv} (through the {@link Allocator}) and
 * {@code responses.csv}.
 *
 * <p>Answers follow a latent-trait model: each respondent has a general satisfaction and one trait per
 * cluster; institutions, locations, levels and pathways shift them; each item is its cluster's trait
 * with noise, cut into the scale's points (reverse-keyed items mirrored), which gives Cronbach alphas of
 * about 0.7 to 0.9. Non-substantive answers (3 %), item non-response (1.5 %) and routing
 * ({@code visibleIf}) are honoured, and response rates vary by institution. Everything follows from the
 * seed: the same seed gives the same files, byte for byte, whatever the number of threads.
 */
public final class Simulator {

    private static final String[] CITIES = {
        "Amsterdam",
        "Rotterdam",
        "Utrecht",
        "Eindhoven",
        "Groningen",
        "Tilburg",
        "Almere",
        "Breda",
        "Nijmegen",
        "Apeldoorn",
        "Haarlem",
        "Arnhem",
        "Enschede",
        "Amersfoort",
        "Zwolle",
        "Leiden",
        "Maastricht",
        "Dordrecht",
        "Zoetermeer",
        "Deventer",
        "Delft",
        "Alkmaar",
        "Venlo",
        "Leeuwarden",
        "Helmond",
        "Emmen",
        "Hengelo",
        "Gouda"
    };
    private static final String[] REMARKS = {
        "Meer stageplekken graag",
        "De roosters veranderen te vaak",
        "Fijne docenten",
        "Betere wifi, graag",
        "Te weinig contact met mijn \"SLB'er\"",
        "Goede opleiding",
        "Meer praktijklessen"
    };

    private static final String[] CODES =
            IntStream.range(0, 100).mapToObj(Integer::toString).toArray(String[]::new);

    private final Edition edition;
    private final int institutions;
    private final int students;
    private final String seed;
    private final int noise;
    private final Double responseRate;

    private Simulator(Edition edition, int institutions, int students, String seed, int noise, Double responseRate) {
        this.edition = edition;
        this.institutions = institutions;
        this.students = students;
        this.seed = seed;
        this.noise = noise;
        this.responseRate = responseRate;
    }

    /** A simulator for the edition: 20 institutions, 10,000 students, seed "peiling", no noise. */
    public static Simulator of(Edition edition) {
        return new Simulator(requireNonNull(edition, "edition"), 20, 10_000, "peiling", 0, null);
    }

    /** A copy with this many institutions (1 to 9,999). */
    public Simulator withInstitutions(int count) {
        if (count < 1 || count > 9999) {
            throw new IllegalArgumentException("institutions (" + count + ") must be between 1 and 9999");
        }
        return new Simulator(edition, count, students, seed, noise, responseRate);
    }

    /** A copy with this many students in all (at least one per institution). */
    public Simulator withStudents(int count) {
        if (count < institutions) {
            throw new IllegalArgumentException(
                    "students (" + count + ") must be >= institutions (" + institutions + ")");
        }
        return new Simulator(edition, institutions, count, seed, noise, responseRate);
    }

    /** A copy with this seed. */
    public Simulator withSeed(String value) {
        return new Simulator(edition, institutions, students, requireNonNull(value, "seed"), noise, responseRate);
    }

    /** A copy that adds this many malformed and duplicate rows to the responses (half each). */
    public Simulator withNoise(int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("noise (" + rows + ") must be >= 0");
        }
        return new Simulator(edition, institutions, students, seed, rows, responseRate);
    }

    /** A copy in which every institution has this response rate (0..1) instead of rates between 0.35 and 0.75. */
    public Simulator withResponseRate(double rate) {
        if (!(rate > 0 && rate <= 1)) {
            throw new IllegalArgumentException("response rate (" + rate + ") must be > 0 and <= 1");
        }
        return new Simulator(edition, institutions, students, seed, noise, rate);
    }

    /** A student of the simulated population. */
    private record Student(int institution, int location, int number, String key, int level, Pathway pathway) {}

    /** The latent effects of an institution and its locations. */
    private record Effects(double general, double[] perCluster, double[] perLocation, double responseRate) {}

    /** Writes the five files into the folder (created when missing). */
    public Simulation write(Path folder) throws IOException {
        Files.createDirectories(folder);
        SplittableRandom root = new SplittableRandom(new SeedHash(seed).of("root"));
        List<Institution> plans = institutions(root.split());
        List<Effects> effects = effects(plans, root.split());
        List<Student> population = students(plans, root.split());

        List<Path> files = new ArrayList<>();
        Path institutionsFile = folder.resolve("institutions.json");
        Institutions.write(plans, institutionsFile);
        files.add(institutionsFile);

        Path studentsFile = folder.resolve("students.csv");
        AtomicFiles.write(studentsFile, out -> {
            out.write("respondent,institution,location\n");
            for (Student student : population) {
                Institution institution = plans.get(student.institution());
                out.write(student.key() + "," + institution.code() + ","
                        + institution.locations().get(student.location()).code() + "\n");
            }
        });
        files.add(studentsFile);

        Path populationFile = folder.resolve("population.csv");
        Map<String, Long> cells = new TreeMap<>();
        for (Student student : population) {
            Institution institution = plans.get(student.institution());
            String cell = institution.code() + ","
                    + institution.locations().get(student.location()).code() + "," + student.level() + ","
                    + student.pathway();
            cells.merge(cell, 1L, Long::sum);
        }
        AtomicFiles.write(populationFile, out -> {
            out.write("institution,location,level,pathway,population\n");
            for (Map.Entry<String, Long> cell : cells.entrySet()) {
                out.write(cell.getKey() + "," + cell.getValue() + "\n");
            }
        });
        files.add(populationFile);

        List<Respondent> respondents = population.stream()
                .map(s -> Respondent.of(
                        s.key(),
                        plans.get(s.institution()).code(),
                        plans.get(s.institution()).locations().get(s.location()).code()))
                .toList();
        Allocations allocations = Allocator.of(edition, plans, seed).allocateBatch(respondents);
        Path allocationFile = folder.resolve("allocation.csv");
        AllocationFiles.writeAllocation(allocationFile, allocations);
        files.add(allocationFile);
        Map<String, Allocation> allocationByKey = new HashMap<>(allocations.size() * 2);
        for (Allocation allocation : allocations.list()) {
            allocationByKey.put(allocation.respondent(), allocation);
        }

        Path responsesFile = folder.resolve("responses.csv");
        long rows = writeResponses(responsesFile, plans, effects, population, allocationByKey);
        files.add(responsesFile);
        return new Simulation(files, plans.size(), population.size(), rows, noise);
    }

    // ------------------------------------------------------------------------------------ population

    private List<Institution> institutions(SplittableRandom random) {
        List<String> modules = edition.manifest().modules();
        int chosenCount = Math.min(edition.rules().chosenPerInstitution(), modules.size());
        List<Institution> list = new ArrayList<>();
        for (int i = 0; i < institutions; i++) {
            String code = String.format(Locale.ROOT, "%02d%c%c", 10 + i % 90, (char) ('A' + (i / 90) % 26), (char)
                    ('A' + (i * 7 + 3) % 26));
            List<String> pool = new ArrayList<>(modules);
            List<String> chosen = new ArrayList<>();
            for (int c = 0; c < chosenCount; c++) {
                chosen.add(pool.remove(random.nextInt(pool.size())));
            }
            List<String> excluded = new ArrayList<>();
            int room = pool.size() - edition.rules().randomPerRespondent();
            int exclude = random.nextDouble() < 0.4 ? (random.nextDouble() < 0.35 ? 2 : 1) : 0;
            for (int e = 0; e < Math.min(exclude, room); e++) {
                excluded.add(pool.remove(random.nextInt(pool.size())));
            }
            int locationCount = 1 + random.nextInt(5);
            List<Location> locations = new ArrayList<>();
            for (int l = 0; l < locationCount; l++) {
                locations.add(
                        new Location(String.format(Locale.ROOT, "%02d", l + 1), CITIES[random.nextInt(CITIES.length)]));
            }
            String name = "Simulatiecollege " + (i + 1);
            list.add(new Institution(code, name, "SC" + (i + 1), chosen, excluded, locations));
        }
        return list;
    }

    private List<Effects> effects(List<Institution> plans, SplittableRandom random) {
        int clusters = edition.clusters().size();
        List<Effects> list = new ArrayList<>();
        for (Institution institution : plans) {
            double[] perCluster = new double[clusters];
            for (int c = 0; c < clusters; c++) {
                perCluster[c] = gaussian(random) * 0.15;
            }
            double[] perLocation = new double[institution.locations().size()];
            for (int l = 0; l < perLocation.length; l++) {
                perLocation[l] = gaussian(random) * 0.12;
            }
            double rate = responseRate != null ? responseRate : 0.35 + 0.4 * random.nextDouble();
            list.add(new Effects(gaussian(random) * 0.25, perCluster, perLocation, rate));
        }
        return list;
    }

    private List<Student> students(List<Institution> plans, SplittableRandom random) {
        double[] size = new double[plans.size()];
        double total = 0;
        for (int i = 0; i < size.length; i++) {
            size[i] = Math.exp(gaussian(random) * 0.7);
            total += size[i];
        }
        int[] counts = new int[plans.size()];
        int assigned = 0;
        for (int i = 0; i < counts.length; i++) {
            counts[i] = Math.max(1, (int) Math.floor(students * size[i] / total));
            assigned += counts[i];
        }
        for (int i = 0; assigned < students; i = (i + 1) % counts.length) {
            counts[i]++;
            assigned++;
        }
        for (int i = counts.length - 1; assigned > students; i = (i + counts.length - 1) % counts.length) {
            if (counts[i] > 1) {
                counts[i]--;
                assigned--;
            }
        }
        Pseudonyms pseudonyms = Pseudonyms.of("simulated students of seed " + seed);
        List<Student> list = new ArrayList<>(students);
        for (int i = 0; i < plans.size(); i++) {
            Institution institution = plans.get(i);
            int locations = institution.locations().size();
            double bbl = 0.1 + 0.3 * random.nextDouble();
            for (int s = 0; s < counts[i]; s++) {
                int location =
                        (int) Math.min(locations - 1, Math.floor(Math.pow(random.nextDouble(), 1.5) * locations));
                double u = random.nextDouble();
                int level = u < 0.05 ? 1 : u < 0.25 ? 2 : u < 0.55 ? 3 : 4;
                Pathway pathway = random.nextDouble() < bbl ? Pathway.BBL : Pathway.BOL;
                String number = institution.code() + zeroPadded(s + 1, 7);
                list.add(new Student(i, location, s, pseudonyms.pseudonym(number), level, pathway));
            }
        }
        list.sort(java.util.Comparator.comparingInt(Student::institution)
                .thenComparingInt(Student::location)
                .thenComparingInt(Student::number));
        return list;
    }

    // ------------------------------------------------------------------------------------ answers

    private long writeResponses(
            Path file,
            List<Institution> plans,
            List<Effects> effects,
            List<Student> population,
            Map<String, Allocation> allocations)
            throws IOException {
        Answerer answerer = new Answerer(edition);
        long[] rows = {0};
        int batch = 5_000;
        int batches = (population.size() + batch - 1) / batch;
        List<String> lastRows = new ArrayList<>();
        try {
            AtomicFiles.writeBytes(file, out -> {
                out.write(utf8(String.join(",", answerer.questionnaire.columns()) + "\n"));
                // Batches are answered on every core and written in order; each student's answers follow
                // from the seed and the student's key alone, so the file does not depend on the threads.
                IntStream.range(0, batches)
                        .parallel()
                        .mapToObj(b -> {
                            SeedHash seeds = new SeedHash(seed);
                            StringBuilder text = new StringBuilder(batch * 400);
                            List<String> lines = new ArrayList<>();
                            for (int s = b * batch; s < Math.min(population.size(), (b + 1) * batch); s++) {
                                Student student = population.get(s);
                                SplittableRandom random = new SplittableRandom(seeds.of(student.key()));
                                Effects effect = effects.get(student.institution());
                                if (random.nextDouble() >= effect.responseRate()) {
                                    continue;
                                }
                                Institution institution = plans.get(student.institution());
                                Allocation allocation = allocations.get(student.key());
                                String line = answerer.row(student, institution, effect, allocation, random);
                                text.append(line).append('\n');
                                lines.add(line);
                            }
                            List<String> tail = lines.subList(Math.max(0, lines.size() - noise), lines.size());
                            return new Batch(utf8(text.toString()), lines.size(), List.copyOf(tail));
                        })
                        .forEachOrdered(answered -> {
                            try {
                                out.write(answered.text());
                            } catch (IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                            rows[0] += answered.rows();
                            if (noise > 0) {
                                lastRows.addAll(answered.tail());
                                if (lastRows.size() > 4 * noise) {
                                    lastRows.subList(0, lastRows.size() - 2 * noise)
                                            .clear();
                                }
                            }
                        });
                SplittableRandom random = new SplittableRandom(new SeedHash(seed).of("noise"));
                for (int n = 0; n < noise && !lastRows.isEmpty(); n++) {
                    String row = lastRows.get(random.nextInt(lastRows.size()));
                    out.write(utf8(noisy(row, n, random) + "\n"));
                    rows[0]++;
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        return rows[0];
    }

    /** The rows of one batch of students as UTF-8, their count, and the last ones kept for noise. */
    private record Batch(byte[] text, int rows, List<String> tail) {}

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A copy of a row that is malformed (even n) or a double login with fewer answers (odd n). */
    private static String noisy(String row, int n, SplittableRandom random) {
        String[] cells = row.split(",", -1);
        if (n % 2 == 1) {
            for (int c = 6; c < cells.length; c++) {
                if (random.nextBoolean() && !cells[c].startsWith("\"")) {
                    cells[c] = "";
                }
            }
            return String.join(",", cells);
        }
        switch (n / 2 % 4) {
            case 0 -> cells[1] = "ZZ99";
            case 1 -> cells[3] = "7";
            case 2 -> cells[0] = cells[0] + "-x";
            default -> {
                cells[0] = cells[0] + "-y";
                cells[4] = "DUAL";
            }
        }
        if (n / 2 % 4 == 2) {
            for (int c = 6; c < cells.length; c++) {
                if (cells[c].matches("[0-9]")) {
                    cells[c] = "99"; // not a point of any scale
                    break;
                }
            }
        }
        return String.join(",", cells);
    }

    /**
     * Generates one respondent's answers, given to a questionnaire session as a respondent gives them, so
     * that the row is the engine's own record; holds what is fixed per edition.
     */
    private static final class Answerer {
        final Questionnaire questionnaire;
        final List<Question> questions;
        final Scale[] scales;
        final int[] clusterOf;
        final boolean[] reversed;

        Answerer(Edition edition) {
            this.questionnaire = Questionnaire.compile(edition);
            this.questions = questionnaire.questions();
            int n = questions.size();
            scales = new Scale[n];
            clusterOf = new int[n];
            reversed = new boolean[n];
            java.util.Arrays.fill(clusterOf, -1);
            List<Cluster> clusters = edition.clusters();
            for (int q = 0; q < n; q++) {
                if (questionnaire.rule(q) instanceof AnswerRule.ScaleRule rule) {
                    scales[q] = rule.scale();
                }
                for (int c = 0; c < clusters.size(); c++) {
                    if (clusters.get(c).items().contains(questions.get(q).id())) {
                        clusterOf[q] = c;
                        reversed[q] =
                                clusters.get(c).isReversed(questions.get(q).id());
                    }
                }
            }
        }

        /**
         * The respondent's line of {@code responses.csv}: the questions are answered in edition order (routing
         * reads only earlier questions, so the order of the modules does not matter), each visible one unless
         * it is skipped (item non-response).
         */
        String row(
                Student student,
                Institution institution,
                Effects effect,
                Allocation allocation,
                SplittableRandom random) {
            double general = gaussian(random)
                    + effect.general()
                    + effect.perLocation()[student.location()]
                    + (student.level() == 1 ? 0.1 : student.level() == 4 ? -0.05 : 0)
                    + (student.pathway() == Pathway.BBL ? 0.1 : 0);
            double[] traits = new double[effect.perCluster().length];
            for (int c = 0; c < traits.length; c++) {
                traits[c] = 0.55 * general + 0.835 * gaussian(random) + effect.perCluster()[c];
            }
            RespondentFields fields = new RespondentFields(
                    student.key(),
                    institution.code(),
                    institution.locations().get(student.location()).code(),
                    student.level(),
                    student.pathway());
            Session session = questionnaire.start(fields, allocation, Language.NL);
            for (int q = 0; q < questions.size(); q++) {
                String id = questions.get(q).id();
                if (!session.isVisible(id)) {
                    continue;
                }
                if (random.nextDouble() < 0.015) {
                    continue; // item non-response
                }
                String answer = answer(
                        q,
                        clusterOf[q] >= 0 ? traits[clusterOf[q]] : 0.5 * general + 0.85 * gaussian(random),
                        general,
                        random);
                if (answer != null) {
                    Change change = session.answer(id, answer);
                    if (!change.accepted()) {
                        throw new IllegalStateException("the simulator gave an answer the engine refuses: " + id + " = "
                                + answer + ": " + change.problems());
                    }
                }
            }
            return session.finish().csvLine();
        }

        private String answer(int q, double trait, double general, SplittableRandom random) {
            Question question = questions.get(q);
            return switch (question.type()) {
                case SCALE -> {
                    Scale scale = scales[q];
                    if (!scale.nonSubstantive().isEmpty() && random.nextDouble() < 0.03) {
                        yield scale.nonSubstantive()
                                .get(random.nextInt(scale.nonSubstantive().size()))
                                .code();
                    }
                    double latent = 0.75 * trait + 0.65 * gaussian(random);
                    int min = scale.min();
                    int max = scale.max();
                    double mid = (min + max) / 2.0 + 0.15 * (max - min);
                    int code = (int) Math.round(mid + latent * (max - min) / 3.6);
                    code = Math.max(min, Math.min(max, code));
                    while (!scale.hasPoint(code)) {
                        code = code > mid ? code - 1 : code + 1;
                    }
                    yield codeText(reversed[q] ? scale.reverse(code) : code);
                }
                case GRADE -> {
                    long mark = Math.round(6.9 + 1.1 * general + 0.6 * gaussian(random));
                    yield Long.toString(Math.max(GradeQuestion.MIN, Math.min(GradeQuestion.MAX, mark)));
                }
                case SINGLE -> {
                    List<Option> options = ((SingleQuestion) question).options();
                    double u = random.nextDouble();
                    int index = (int) Math.min(options.size() - 1, Math.floor(Math.pow(u, 1.6) * options.size()));
                    yield options.get(index).code();
                }
                case MULTI -> {
                    MultiQuestion m = (MultiQuestion) question;
                    List<Option> options = m.options();
                    int min = m.minSelected() == null ? 1 : Math.max(1, m.minSelected());
                    int max = m.maxSelected() == null ? options.size() : Math.min(options.size(), m.maxSelected());
                    List<String> selected = new ArrayList<>();
                    for (Option option : options) {
                        if (selected.size() < max && random.nextDouble() < 0.3) {
                            selected.add(option.code());
                        }
                    }
                    for (int i = 0; selected.size() < min && i < options.size(); i++) {
                        if (!selected.contains(options.get(i).code())) {
                            selected.add(options.get(i).code());
                        }
                    }
                    yield String.join(ResponseLayout.SELECTION_SEPARATOR, selected);
                }
                case NUMBER -> {
                    NumberQuestion n = (NumberQuestion) question;
                    double low = n.min() == null ? 0 : n.min().doubleValue();
                    double high = n.max() == null ? low + 100 : n.max().doubleValue();
                    double share = Math.min(1, Math.exp(gaussian(random) * 0.6) * 0.2);
                    BigDecimal value =
                            BigDecimal.valueOf(low + share * (high - low)).setScale(0, RoundingMode.HALF_UP);
                    yield value.toPlainString();
                }
                case TEXT -> {
                    if (random.nextDouble() >= 0.04) {
                        yield null;
                    }
                    Integer maxLength = ((TextQuestion) question).maxLength();
                    String remark = REMARKS[random.nextInt(REMARKS.length)];
                    yield maxLength != null && remark.length() > maxLength ? remark.substring(0, maxLength) : remark;
                }
            };
        }
    }

    // ------------------------------------------------------------------------------------ randomness

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** The answer text of a code; the usual small codes from a table. */
    private static String codeText(int code) {
        return code >= 0 && code < CODES.length ? CODES[code] : Integer.toString(code);
    }

    private static String zeroPadded(int number, int width) {
        String digits = Integer.toString(number);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    /**
     * The seed of a part of the simulation: the first 8 bytes of SHA-256(seed, 0, part), big-endian. The
     * digest of the seed is made once and copied for each part. Not thread-safe: one per thread.
     */
    private static final class SeedHash {
        private final MessageDigest prefix;

        SeedHash(String seed) {
            try {
                prefix = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
            }
            prefix.update(seed.getBytes(StandardCharsets.UTF_8));
            prefix.update((byte) 0);
        }

        long of(String part) {
            MessageDigest digest;
            try {
                digest = (MessageDigest) prefix.clone();
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException("SHA-256 of this Java runtime cannot be copied", e);
            }
            byte[] hash = digest.digest(part.getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = value << 8 | (hash[i] & 0xFF);
            }
            return value;
        }
    }
}
