package nl.peiling.core.io;

import static java.util.Objects.requireNonNull;

/**
 * One problem of an input, with as much of its place as is known: the one record every {@link
 * InvalidInputException} carries its problems in.
 *
 * @param file the file as named by the caller, or null when the input is not a file
 * @param line the line, from 1, or 0 when not known
 * @param column the column (character position), from 1, or 0 when not known
 * @param path where in the document: a JSON path such as {@code [2].locations[0].code}, a CSV column
 *     name, an option; null when the problem is about the whole input
 * @param value the offending value as read, or null
 * @param message what is wrong and which rule it breaks, without the place
 */
public record InputProblem(String file, long line, int column, String path, String value, String message) {

    public InputProblem {
        requireNonNull(message, "message");
    }

    /** A problem without a place. */
    public static InputProblem of(String message) {
        return new InputProblem(null, 0, 0, null, null, message);
    }

    /** A problem on a line of a file (line 0: the file as a whole). */
    public static InputProblem at(String file, long line, String message) {
        return new InputProblem(file, line, 0, null, null, message);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (file != null) {
            text.append(file);
            if (line > 0) {
                text.append(':').append(line);
                if (column > 0) {
                    text.append(':').append(column);
                }
            }
            text.append(": ");
        }
        boolean hasPath = path != null && !path.isEmpty();
        if (hasPath) {
            text.append(path);
        }
        if (value != null) {
            text.append(hasPath ? " \"" : "\"").append(value).append('"');
        }
        if (hasPath || value != null) {
            text.append(": ");
        }
        return text.append(message).toString();
    }
}
