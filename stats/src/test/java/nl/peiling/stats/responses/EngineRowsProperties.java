package nl.peiling.stats.responses;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import nl.peiling.core.allocation.Allocation;
import nl.peiling.core.engine.AnswerRule;
import nl.peiling.core.engine.Questionnaire;
import nl.peiling.core.engine.RespondentFields;
import nl.peiling.core.engine.ResponseRecord;
import nl.peiling.core.engine.Session;
import nl.peiling.core.model.Edition;
import nl.peiling.core.model.Language;
import nl.peiling.core.model.Module;
import nl.peiling.core.model.Question;
import nl.peiling.core.testing.RandomEditions;
import nl.peiling.core.testing.Tries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC section 9: every record the engine produces is accepted by the responses reader, with no reject
 * and nothing routed out, and reads back to the same answers. 150 seeded tries ({@link Tries}) over
 * random editions ({@link RandomEditions}), each with 1 to 30 respondents answering at random (refused
 * answers included), read with 1 or 2 threads in small blocks.
 */
class EngineRowsProperties {

    static final int TRIES = 150;

    @TempDir
    Path dir;

    @Test
    void finishedRecords_readBackWithoutRejects() {
        Tries.check(TRIES, this::check);
    }

    private void check(SplittableRandom random) throws IOException {
        Edition edition = RandomEditions.edition(random);
        Questionnaire questionnaire = Questionnaire.compile(edition);
        List<Question> questions = edition.questions();
        Map<String, List<String>> written = new HashMap<>();
        StringBuilder file = new StringBuilder(String.join(",", questionnaire.columns())).append('\n');
        int respondents = 1 + random.nextInt(30);
        for (int r = 0; r < respondents; r++) {
            RespondentFields fields = RandomEditions.respondent(random, r);
            Allocation allocation = RandomEditions.allocation(edition, fields.respondent(), random);
            Session session = questionnaire.start(fields, allocation, Language.NL);
            for (int step = random.nextInt(60); step > 0; step--) {
                Question question = questions.get(random.nextInt(questions.size()));
                Module owner = edition.moduleOf(question.id()).orElseThrow();
                session.answer(question.id(), RandomEditions.cell(question, owner, random));
            }
            ResponseRecord record = session.finish();
            written.put(fields.respondent(), record.cells());
            file.append(record.csvLine()).append(random.nextBoolean() ? "\n" : "\r\n");
        }
        Path path = dir.resolve("responses.csv");
        Files.writeString(path, file, StandardCharsets.UTF_8);

        Map<String, List<String>> read = new ConcurrentHashMap<>();
        ResponseReader reader = ResponseReader.of(edition)
                .withThreads(1 + random.nextInt(2))
                .withBlockSize(1024 + random.nextInt(2048));
        ReadResult<RowSink> result = reader.read(path, () -> new RowSink() {
            @Override
            public void add(ResponseRow row) {
                read.put(row.respondent(), cells(questionnaire, row, written.get(row.respondent())));
            }

            @Override
            public void remove(ResponseRow row) {
                throw new AssertionError("no double logins were written");
            }
        });

        String context = "a file of " + respondents + " records";
        assertThat(result.rejects()).as(context + ": rejects").isEmpty();
        assertThat(result.routedOut()).as(context + ": routed out").isEmpty();
        assertThat(result.accepted()).as(context).isEqualTo(respondents);
        assertThat(read).as(context + ": the answers read back").isEqualTo(written);
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The cells of a row as the reader decoded them: the respondent fields, then each answer's cell by its
     * rule; open text is not kept by the reader, so its cell is taken from what was written when the row
     * says it is answered.
     */
    private static List<String> cells(Questionnaire questionnaire, ResponseRow row, List<String> writtenCells) {
        List<String> cells = new ArrayList<>(List.of(
                row.respondent(),
                row.institution(),
                row.location(),
                Integer.toString(row.level()),
                row.pathway() == 0 ? "BOL" : "BBL",
                writtenCells.get(5))); // the modules field: checked by the mask below
        long mask = questionnaire.moduleMask(List.of(writtenCells.get(5).split("\\|")));
        assertThat(row.modules()).isEqualTo(mask);
        for (int q = 0; q < questionnaire.size(); q++) {
            AnswerRule rule = questionnaire.rule(q);
            byte state = row.state(q);
            if (state == AnswerRule.EMPTY) {
                cells.add("");
            } else if (rule.isText()) {
                assertThat(state).isEqualTo(AnswerRule.TEXT);
                cells.add(writtenCells.get(6 + q));
            } else {
                cells.add(rule.answer(state, row.value(q), null).cell());
            }
        }
        return cells;
    }
}
