package nl.peiling.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/** JSON output of the commands: pretty, keys in the order of records and insertion-ordered maps. */
public final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Json() {}

    /** Writes the value as pretty JSON, with a final newline, to the command's standard output. */
    public static void print(CommandSpec spec, Object value) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(write(value));
        out.flush();
    }

    /** The value as pretty JSON. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }
}
