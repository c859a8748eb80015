package nl.peiling.core.model;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A text in several languages, keyed by language code ({@code nl}, {@code en}, ...).
 *
 * <p>Dutch ({@code nl}) is the required language of every text; English ({@code en}) is expected. The
 * validator reports a missing language; this value itself accepts any map so that an incomplete
 * definition can still be read and reported on. The map keeps the order of the file.
 *
 * @param texts the text per language code
 */
public record LocalizedText(Map<String, String> texts) {

    /** The language every text must have. */
    public static final String DUTCH = "nl";

    /** The language every text is expected to have. */
    public static final String ENGLISH = "en";

    public LocalizedText {
        requireNonNull(texts, "texts");
        texts.forEach((language, text) -> {
            requireNonNull(language, "language");
            requireNonNull(text, () -> "text for " + language);
        });
        texts = Collections.unmodifiableMap(new LinkedHashMap<>(texts));
    }

    /** A text in Dutch and English. */
    public static LocalizedText of(String dutch, String english) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put(DUTCH, requireNonNull(dutch, "dutch"));
        texts.put(ENGLISH, requireNonNull(english, "english"));
        return new LocalizedText(texts);
    }

    /** The text in one language, if present. */
    public Optional<String> get(String language) {
        return Optional.ofNullable(texts.get(language));
    }

    /** The text in {@code language}, falling back to Dutch, then to any language, then to "". */
    public String in(String language) {
        String text = texts.get(language);
        if (text == null) {
            text = texts.get(DUTCH);
        }
        if (text == null) {
            text = texts.values().stream().findFirst().orElse("");
        }
        return text;
    }

    /** The Dutch text, or "" when it is missing. */
    public String nl() {
        return texts.getOrDefault(DUTCH, "");
    }

    /** The English text, falling back to Dutch. */
    public String en() {
        return in(ENGLISH);
    }

    @Override
    public String toString() {
        return nl();
    }
}
