package nl.peiling.core.engine;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** The pathway (leerweg) of an MBO student, as written in the data files. */
public enum Pathway {
    /** Beroepsopleidende leerweg: school-based. */
    BOL,
    /** Beroepsbegeleidende leerweg: work-based. */
    BBL;

    /** The pathway of a data-file code ({@code BOL}, {@code BBL}, exactly), if it is one. */
    public static Optional<Pathway> of(String code) {
        requireNonNull(code, "code");
        for (Pathway pathway : values()) {
            if (pathway.name().equals(code)) {
                return Optional.of(pathway);
            }
        }
        return Optional.empty();
    }
}
