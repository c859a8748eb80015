package nl.peiling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test data: a survey of the shipped 2027 edition simulated through the command line, in-process. */
public final class SimulatedSurvey {

    private SimulatedSurvey() {}

    /**
     * Runs {@code peiling simulate} into {@code folder} and fails the test when it does not exit 0.
     *
     * @param more further options, e.g. {@code --noise 8}
     * @return the folder
     */
    public static Path write(Path folder, int institutions, int students, String seed, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "simulate",
                "--edition",
                "2027",
                "--institutions",
                Integer.toString(institutions),
                "--students",
                Integer.toString(students),
                "--seed",
                seed,
                "--out",
                folder.toString(),
                "--json"));
        args.addAll(Arrays.asList(more));
        Peiling.Run run = Peiling.execute(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return folder;
    }

    /**
     * Runs {@code peiling aggregate} on a simulated survey, weighted by its population, and fails the
     * test when it does not exit 0.
     *
     * @param data a folder written by {@link #write}
     * @return the results file
     */
    public static Path aggregate(Path data, Path results, int minN) {
        Peiling.Run run = Peiling.execute(
                "aggregate",
                "--edition",
                "2027",
                "--responses",
                data.resolve("responses.csv").toString(),
                "--population",
                data.resolve("population.csv").toString(),
                "--institutions",
                data.resolve("institutions.json").toString(),
                "--min-n",
                Integer.toString(minN),
                "--out",
                results.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return results;
    }
}
