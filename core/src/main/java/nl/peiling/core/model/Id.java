package nl.peiling.core.model;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * An identifier of a module, question, cluster or scale: {@code [a-z][a-z0-9_]*}, at most
 * {@value #MAX_LENGTH} characters. Ids name the columns of the data files, so they stay plain.
 */
@Documented
@Constraint(validatedBy = {})
@Pattern(regexp = Id.PATTERN)
@Size(min = 1, max = Id.MAX_LENGTH)
@ReportAsSingleViolation
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface Id {

    /** The regular expression every id matches. */
    String PATTERN = "[a-z][a-z0-9_]*";

    /** The longest id. */
    int MAX_LENGTH = 40;

    String message() default "must match [a-z][a-z0-9_]* and have at most 40 characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
