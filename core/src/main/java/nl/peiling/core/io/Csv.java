package nl.peiling.core.io;

/** How peiling writes CSV fields (RFC 4180): the one quoter of every CSV file the project writes. */
public final class Csv {

    private Csv() {}

    /** The field as written: quoted, with quotes doubled, when it holds a comma, quote or line break. */
    public static String quote(String field) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return '"' + field.replace("\"", "\"\"") + '"';
            }
        }
        return field;
    }

    /** Appends the field as written (see {@link #quote}). */
    public static StringBuilder append(StringBuilder out, String field) {
        return out.append(quote(field));
    }
}
