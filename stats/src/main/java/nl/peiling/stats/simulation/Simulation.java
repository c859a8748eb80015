package nl.peiling.stats.simulation;

import java.nio.file.Path;
import java.util.List;

/**
 * What a simulation wrote.
 *
 * @param files the files, in the order written
 * @param institutions the institutions simulated
 * @param students the students in {@code students.csv}
 * @param respondents the data rows of {@code responses.csv} (noise rows included)
 * @param noise the malformed and duplicate rows among them
 */
public record Simulation(List<Path> files, int institutions, long students, long respondents, int noise) {

    public Simulation {
        files = List.copyOf(files);
    }
}
