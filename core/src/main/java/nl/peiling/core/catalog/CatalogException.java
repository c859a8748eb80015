package nl.peiling.core.catalog;

import nl.peiling.core.io.InvalidInputException;

/** A catalog that cannot be used: an unknown edition, or two providers shipping the same one. */
public final class CatalogException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    public CatalogException(String message) {
        super(message, (Throwable) null);
    }
}
