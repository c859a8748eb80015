package nl.peiling.core.codebook;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** An output format of the codebook, named by its usual file extension. */
public enum Format {
    /** One row per variable, RFC 4180 quoting, for spreadsheets and scripts. */
    CSV("csv"),
    /** One table per module, for people and documentation sites. */
    MARKDOWN("md"),
    /** SPSS syntax that reads {@code responses.csv} with labels, value labels and missing values. */
    SPSS("sps");

    private final String key;

    Format(String key) {
        this.key = key;
    }

    /** The name on the command line and the file extension: {@code csv}, {@code md} or {@code sps}. */
    public String key() {
        return key;
    }

    /** The format for a key, if it is one. */
    public static Optional<Format> fromKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }

    /** The keys of all formats, for messages: {@code csv, md, sps}. */
    public static String keys() {
        return Arrays.stream(values()).map(Format::key).collect(Collectors.joining(", "));
    }
}
