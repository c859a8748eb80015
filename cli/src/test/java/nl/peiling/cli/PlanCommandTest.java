package nl.peiling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code peiling plan} on simulated files, run in-process. */
class PlanCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    static Path dir;

    static Path data;

    @BeforeAll
    static void simulate() {
        data = SimulatedSurvey.write(dir.resolve("data"), 6, 6000, "plan-test");
    }

    private static Peiling.Run plan(String rate, String... more) {
        String[] args = {
            "plan",
            "--edition",
            "2027",
            "--institutions",
            data.resolve("institutions.json").toString(),
            "--population",
            data.resolve("population.csv").toString(),
            "--response-rate",
            rate
        };
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return Peiling.execute(all);
    }

    @Test
    void plan_json_hasTheSpecKeys() throws IOException {
        Peiling.Run run = plan("0.5", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = MAPPER.readTree(run.out());
        assertThat(json.get("edition").asText()).isEqualTo("2027");
        assertThat(json.get("responseRate").asDouble()).isEqualTo(0.5);
        assertThat(json.get("modules")).hasSize(9);
        for (JsonNode module : json.get("modules")) {
            assertThat(module.has("module")).isTrue();
            assertThat(module.get("expected").isNumber()).isTrue();
            assertThat(module.get("required").isIntegralNumber()).isTrue();
            assertThat(module.get("sufficient").isBoolean()).isTrue();
            // expected is rounded to 0.1
            double tenths = module.get("expected").asDouble() * 10;
            assertThat(Math.abs(tenths - Math.rint(tenths))).isLessThan(1e-6);
        }
        assertThat(json.get("modules").get(0).get("module").asText()).isEqualTo("basis");
        assertThat(json.get("institutions")).hasSize(6);
        assertThat(json.get("institutions").get(0).get("modules").get(0).has("sufficient"))
                .isTrue();
        assertThat(json.has("smallestRandomPerRespondent")).isTrue();
        assertThat(json.get("reason").asText()).isNotBlank();
    }

    @Test
    void plan_text_printsTheNationalTableAndTheAnswer() {
        Peiling.Run run = plan("0.5");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("module       population  expected  required  sufficient")
                .contains("Smallest randomPerRespondent: ");
    }

    @Test
    void plan_rateAboveOne_exitsTwoNamingTheValueAndTheRule() {
        Peiling.Run run = plan("1.5");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("1.5").contains("must be in (0, 1]");
    }

    @Test
    void plan_missingPopulationFile_exitsTwoNamingTheFile() {
        Path missing = dir.resolve("no-such-population.csv");

        Peiling.Run run = Peiling.execute(
                "plan",
                "--edition",
                "2027",
                "--institutions",
                data.resolve("institutions.json").toString(),
                "--population",
                missing.toString(),
                "--response-rate",
                "0.5");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no-such-population.csv");
    }

    @Test
    void plan_missingInstitutionsFile_exitsTwo() {
        Peiling.Run run = Peiling.execute(
                "plan",
                "--edition",
                "2027",
                "--institutions",
                dir.resolve("nothing.json").toString(),
                "--population",
                data.resolve("population.csv").toString(),
                "--response-rate",
                "0.5");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("nothing.json");
    }

    @Test
    void planErrors_sameExitCodeAndLinesAsAllocate() throws IOException {
        String plans = Files.readString(data.resolve("institutions.json"));
        String code = MAPPER.readTree(plans).get(0).get("code").asText();
        ArrayNode bad = (ArrayNode) MAPPER.readTree(plans);
        ((ObjectNode) bad.get(0)).putArray("chosen").add("nosuch").add("stage").add("llo");
        Path institutions = Files.writeString(dir.resolve("bad-plans.json"), bad.toString());
        String[] common = {"--edition", "2027", "--institutions", institutions.toString()};

        Peiling.Run plan = Peiling.execute(concat(
                common, "plan", "--population", data.resolve("population.csv").toString(), "--response-rate", "0.5"));
        Peiling.Run allocate = Peiling.execute(concat(
                common,
                "allocate",
                "--students",
                data.resolve("students.csv").toString(),
                "--seed",
                "x",
                "--out",
                dir.resolve("never.csv").toString()));

        assertThat(plan.exitCode()).isEqualTo(1);
        assertThat(plan.err()).isEmpty();
        assertThat(plan.out())
                .isEqualTo("error unknown-module institutions[" + code
                        + "].chosen[0]: unknown module \"nosuch\" (optional modules of edition 2027: nabijheid,"
                        + " huisvesting, positie, llo, geldzorgen, welzijn, burgerschap, stage)"
                        + System.lineSeparator()
                        + "1 error in the institution plans of " + institutions + "; nothing written"
                        + System.lineSeparator());
        assertThat(allocate.exitCode()).isEqualTo(1);
        assertThat(allocate.err()).isEmpty();
        assertThat(allocate.out()).isEqualTo(plan.out());
    }

    private static String[] concat(String[] common, String command, String... more) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(List.of(common));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
