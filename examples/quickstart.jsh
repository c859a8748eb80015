// peiling from the shipped questionnaire to national figures. Run: ./peiling jshell examples/quickstart.jsh
import java.nio.file.Files;
import java.util.List;
import java.util.stream.IntStream;
import nl.peiling.core.allocation.*;
import nl.peiling.core.catalog.Catalog;
import nl.peiling.core.io.Definitions;
import nl.peiling.stats.sampling.*;
import nl.peiling.stats.scores.Aggregator;
import nl.peiling.stats.simulation.Simulator;
System.setProperty("org.jboss.logging.provider", "slf4j"); // keeps Hibernate Validator's start-up line quiet

// 1. The shipped catalog; edition 2027 checked against every rule, and against 2025 for trend breaks.
var catalog = Catalog.load();
var edition = catalog.edition("2027");
var report = Definitions.standard().withPreviousEditions(catalog::find).validate(edition);
System.out.println("editions " + catalog.editions() + "; 2027 " + report.summary());
report.warnings().forEach(w -> System.out.println("  " + w.code().code() + " " + w.path()));

// 2. Responses needed from 1,000 students (95 % confidence, margin 5 points, invite 10 % extra).
var sizes = SampleSize.standard();
System.out.printf("net(1000) = %d, gross(1000) = %d, margin with 200 responses = %.2f points%n",
        sizes.net(1000), sizes.gross(1000), sizes.achievedMargin(200, 1000));

// 3. Modules: institutions choose 3 (may exclude some), students get 2 at random; keys are pseudonyms.
var institutions = List.of(Institution.of("25LZ", List.of("welzijn", "stage", "llo"), List.of(), "01", "02"),
        Institution.of("30RB", List.of("positie", "geldzorgen", "huisvesting"), List.of("burgerschap"), "01"));
var allocator = Allocator.of(edition, institutions, "seed kept by the survey owner");
var pseudonyms = Pseudonyms.of("secret kept apart from the data");
var key = pseudonyms.pseudonym("1234567");
System.out.println("at login:       " + allocator.allocate(key, "25LZ").modules());
System.out.println("at login again: " + allocator.allocate(key, "25LZ").modules()); // stateless: the same
var students = IntStream.rangeClosed(1, 60).mapToObj(i ->
        Respondent.of(pseudonyms.pseudonym("S" + i), i <= 40 ? "25LZ" : "30RB", i <= 20 ? "02" : "01")).toList();
System.out.print(allocator.allocateBatch(students).summary()); // per location, random modules differ by <= 1

// 4. A synthetic survey in a temporary folder, then weighted figures: the nation, institutions, locations.
var dir = Files.createTempDirectory("peiling-quickstart");
var simulation = Simulator.of(edition).withInstitutions(3).withStudents(3000).withSeed("jshell").write(dir);
System.out.println(simulation.respondents() + " responses of " + simulation.students() + " students in " + dir);
var results = Aggregator.of(edition).withPopulation(Population.read(dir.resolve("population.csv"))).
        aggregate(dir.resolve("responses.csv")).results();
System.out.println(results.summary());
var nation = results.national();
for (var id : List.of("opl01", "opl07", "doc04")) {
    var item = nation.item(id).orElseThrow();
    System.out.printf("item %-6s n %4d  mean %5.2f  95%% CI %.2f-%.2f  positive %.0f%%%n",
            id, item.n(), item.mean(), item.ciLow(), item.ciHigh(), 100 * item.positive());
}
for (var id : List.of("opl_opleiding", "doc_docenten", "sfr_veiligheid")) {
    var c = nation.cluster(id).orElseThrow(); // alpha: Cronbach's, how consistently the items measure one thing
    System.out.printf("cluster %-14s n %4d  mean %.2f  alpha %.2f%n", id, c.n(), c.mean(), c.alpha());
}

// 5. A benchmark: an institution's cluster score against the rest of the nation.
var bench = results.benchmarks().stream().filter(b -> b.kind().equals("cluster") && !b.suppressed()).
        findFirst().orElseThrow();
System.out.printf("benchmark %s %s: own %.2f, rest of the nation %.2f, p = %.3f%s%n", bench.institution(),
        bench.id(), bench.own(), bench.rest(), bench.p(), bench.significant() ? ", significant" : "");
/exit
