package nl.peiling.core.catalog;

/** A catalog that cannot be used: an unknown edition, or two providers shipping the same one. */
public final class CatalogException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CatalogException(String message) {
        super(message);
    }
}
