package nl.peiling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.peiling.core.allocation.Allocator;
import nl.peiling.core.allocation.Institutions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The allocate command on real files in a temporary folder, run in-process. */
class AllocateCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final String INSTITUTIONS = """
            [
              {"code": "25LZ", "name": "ROC Zuid", "shortName": "Zuid",
               "chosen": ["llo", "welzijn", "stage"], "excluded": ["huisvesting"],
               "locations": [{"code": "01", "name": "Centrum"}, {"code": "02", "name": "Noord"}]},
              {"code": "30RC", "name": "Techniek College", "shortName": "TC",
               "chosen": ["positie", "nabijheid", "geldzorgen"], "excluded": [],
               "locations": [{"code": "01", "name": "Hoofdlocatie"}]}
            ]
            """;

    @TempDir
    Path dir;

    private Path institutions;
    private Path students;
    private Path out;

    @BeforeEach
    void files() throws IOException {
        institutions = dir.resolve("institutions.json");
        Files.writeString(institutions, INSTITUTIONS);
        List<String> lines = new ArrayList<>();
        lines.add("respondent,institution,location");
        for (int i = 0; i < 300; i++) {
            lines.add("s" + i + "," + (i % 3 == 0 ? "30RC,01" : i % 3 == 1 ? "25LZ,01" : "25LZ,02"));
        }
        students = dir.resolve("students.csv");
        Files.writeString(students, String.join("\n", lines) + "\n");
        out = dir.resolve("allocation.csv");
    }

    private Peiling.Run allocate(String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "allocate",
                "--edition",
                "2027",
                "--institutions",
                institutions.toString(),
                "--students",
                students.toString(),
                "--out",
                out.toString()));
        args.addAll(List.of(extra));
        return Peiling.execute(args.toArray(new String[0]));
    }

    private Map<String, String> allocation() throws IOException {
        Map<String, String> modules = new HashMap<>();
        for (String line : Files.readAllLines(out).subList(1, 301)) {
            String[] fields = line.split(",");
            modules.put(fields[0], fields[3]);
        }
        return modules;
    }

    @Test
    void json_batch_writesTheFileAndTheAuditPerStratum() throws Exception {
        Peiling.Run run = allocate("--seed", "geheim", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = MAPPER.readTree(run.out());
        assertThat(json.get("respondents").asInt()).isEqualTo(300);
        assertThat(json.get("mode").asText()).isEqualTo("batch");
        assertThat(json.get("strata")).hasSize(3);
        JsonNode first = json.get("strata").get(0);
        assertThat(first.fieldNames())
                .toIterable()
                .containsExactly(
                        "institution",
                        "location",
                        "respondents",
                        "counts",
                        "expected",
                        "roles",
                        "spread",
                        "pairSpread");
        assertThat(first.get("institution").asText()).isEqualTo("25LZ");
        assertThat(first.get("location").asText()).isEqualTo("01");
        assertThat(first.get("respondents").asInt()).isEqualTo(100);
        // Pool of 25LZ: nabijheid, positie, geldzorgen, burgerschap; two each: 100 × 2/4 = 50 exactly.
        assertThat(first.get("counts").get("positie").asInt()).isEqualTo(50);
        assertThat(first.get("counts").get("llo").asInt()).isEqualTo(100);
        assertThat(first.get("counts").get("huisvesting").asInt()).isZero();
        assertThat(first.get("expected").get("positie").asDouble()).isEqualTo(50.0);
        assertThat(first.get("roles").get("huisvesting").asText()).isEqualTo("excluded");
        assertThat(first.get("spread").asInt()).isZero();
        assertThat(first.get("pairSpread").asInt()).isLessThanOrEqualTo(1);

        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(301);
        assertThat(lines.get(0)).isEqualTo("respondent,institution,location,modules");
        assertThat(lines.get(1)).startsWith("s0,30RC,01,basis|positie|nabijheid|geldzorgen|");
        assertThat(lines.get(2))
                .startsWith("s1,25LZ,01,basis|llo|welzijn|stage|")
                .doesNotContain("huisvesting");
    }

    @Test
    void sameSeed_sameAllocation_whateverTheThreadsAndTheInputOrder() throws Exception {
        assertThat(allocate("--seed", "geheim", "--threads", "1").exitCode()).isZero();
        Map<String, String> first = allocation();
        List<String> lines = new ArrayList<>(Files.readAllLines(students));
        List<String> body = new ArrayList<>(lines.subList(1, lines.size()));
        Collections.reverse(body);
        Files.write(
                students, Stream.concat(Stream.of(lines.get(0)), body.stream()).toList());
        Path seedFile = dir.resolve("seed.txt");
        Files.writeString(seedFile, "geheim\n");
        assertThat(allocate("--seed-file", seedFile.toString(), "--threads", "2")
                        .exitCode())
                .isZero();
        assertThat(allocation()).isEqualTo(first);
        assertThat(allocate("--seed", "anders").exitCode()).isZero();
        assertThat(allocation()).isNotEqualTo(first);
    }

    @Test
    void stateless_matchesTheLibraryFunctionAndPrintsATablePerStratum() throws Exception {
        Peiling.Run run = allocate("--seed", "geheim", "--mode", "stateless");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("25LZ / 01: 100 respondents", "30RC / 01: 100 respondents")
                .contains("allocated 300 respondents in 3 strata (stateless, edition 2027) to " + out)
                .containsPattern("module +role +expected +actual")
                .containsPattern("huisvesting +excluded +0\\.00 +0");
        Allocator allocator = Allocator.of(Editions.resolve("2027"), Institutions.read(institutions), "geheim");
        assertThat(allocation().get("s7"))
                .isEqualTo(allocator.allocate("s7", "25LZ").modulesField());
    }

    @Test
    void unknownLocation_exits2WithTheLineAndWritesNothing() throws Exception {
        Files.writeString(students, "respondent,institution,location\na,25LZ,01\nb,25LZ,09\n");
        Peiling.Run run = allocate("--seed", "geheim");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo("peiling: " + students
                        + " line 3: location \"09\" is not a location of institution 25LZ (locations: 01, 02)"
                        + System.lineSeparator());
        assertThat(out).doesNotExist();
    }

    @Test
    void duplicateKeyOrMalformedLine_exits2WithTheLine() throws Exception {
        Files.writeString(students, "respondent,institution,location\na,25LZ,01\na,30RC,01\n");
        assertThat(allocate("--seed", "geheim").err()).contains("line 3: respondent key \"a\" repeats line 2");
        Files.writeString(students, "respondent,institution,location\na,25LZ,01\nb;25LZ;01\n");
        Peiling.Run run = allocate("--seed", "geheim");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("line 3: expected 3 fields (respondent,institution,location), found 1");
    }

    @Test
    void failedRun_keepsThePreviousAllocation() throws Exception {
        assertThat(allocate("--seed", "geheim").exitCode()).isZero();
        String before = Files.readString(out);
        Files.writeString(students, "respondent,institution,location\na,99ZZ,01\n");
        assertThat(allocate("--seed", "geheim").exitCode()).isEqualTo(2);
        assertThat(Files.readString(out)).isEqualTo(before);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("institutions.json", "students.csv", "allocation.csv");
        }
    }

    @Test
    void planErrors_exit1ListingEveryProblem() throws Exception {
        Files.writeString(
                institutions,
                INSTITUTIONS.replace(
                        "\"stage\"], \"excluded\": [\"huisvesting\"]", "\"stag\"], \"excluded\": [\"llo\"]"));
        Peiling.Run run = allocate("--seed", "geheim", "--json");

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode json = MAPPER.readTree(run.out());
        assertThat(json.get("valid").asBoolean()).isFalse();
        assertThat(json.get("problems"))
                .extracting(p -> p.get("code").asText())
                .containsExactly("unknown-module", "chosen-and-excluded");
        assertThat(json.get("problems").get(0).get("path").asText()).isEqualTo("institutions[25LZ].chosen[2]");
        assertThat(out).doesNotExist();
    }

    @Test
    void badInstitutionsFile_exits2NamingThePath() throws Exception {
        Files.writeString(institutions, "[{\"code\": \"25LZ\", \"nam\": \"x\"}]");
        Peiling.Run run = allocate("--seed", "geheim");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .startsWith("peiling: " + institutions + ": ")
                .contains("4 problems; [0].nam (line 1, column 19): unknown property");
    }

    @Test
    void badOptions_exit2() {
        assertThat(allocate("--seed", "").err()).contains("--seed is empty");
        assertThat(allocate("--seed", "x", "--mode", "random").err())
                .contains("--mode \"random\" must be batch or stateless");
        assertThat(allocate("--seed", "x", "--threads", "0").exitCode()).isEqualTo(2);
        assertThat(allocate().exitCode()).isEqualTo(2);
        assertThat(Peiling.execute(
                                "allocate",
                                "--edition",
                                "1999",
                                "--institutions",
                                "i",
                                "--students",
                                "s",
                                "--seed",
                                "x",
                                "--out",
                                "o")
                        .err())
                .contains("edition \"1999\" is neither a shipped edition");
    }

    @Test
    void editionFolder_isAccepted() throws Exception {
        Path folder = Path.of("../modules-catalog/src/main/resources/nl/peiling/catalog/editions/2027");
        Peiling.Run run = Peiling.execute(
                "allocate",
                "--edition",
                folder.toString(),
                "--institutions",
                institutions.toString(),
                "--students",
                students.toString(),
                "--out",
                out.toString(),
                "--seed",
                "geheim",
                "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(MAPPER.readTree(run.out()).get("edition").asText()).isEqualTo("2027");
    }
}
