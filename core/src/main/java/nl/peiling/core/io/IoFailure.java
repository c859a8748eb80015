package nl.peiling.core.io;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Why a file could not be read or written, in words for the person who named it rather than the name
 * of a Java exception: the one way the readers and the command line describe an {@link IOException}.
 */
public final class IoFailure {

    private IoFailure() {}

    /** E.g. {@code no such file}, {@code permission denied}, {@code is a folder}, {@code not UTF-8 text}. */
    public static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "a part of the path is not a folder";
        }
        if (e instanceof CharacterCodingException || e instanceof java.io.CharConversionException) {
            return "not UTF-8 text";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().equals("Is a directory") ? "is a folder" : fs.getReason();
        }
        return e.getMessage() == null ? "an I/O error" : e.getMessage();
    }
}
