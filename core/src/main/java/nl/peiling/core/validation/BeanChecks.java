package nl.peiling.core.validation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nl.peiling.core.model.Id;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * The field constraints declared on the model records (ids, ranges, non-empty lists), checked with
 * Jakarta Bean Validation and turned into violations at a path.
 */
final class BeanChecks {

    /**
     * Built once: a validator factory is expensive to make and safe to share between threads. Messages
     * hold no expressions, so the parameter interpolator does, and no Jakarta EL is needed at run time
     * (nor on the module path).
     */
    private static final class Holder {
        static final ValidatorFactory FACTORY = Validation.byDefaultProvider()
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory();
    }

    private BeanChecks() {}

    /** The constraint violations of one record, without descending into its parts. */
    static List<Violation> check(Object value, String path) {
        List<Violation> violations = new ArrayList<>();
        List<ConstraintViolation<Object>> found =
                new ArrayList<>(Holder.FACTORY.getValidator().validate(value));
        found.sort(Comparator.comparing(v -> v.getPropertyPath().toString()));
        String lastKey = null;
        for (ConstraintViolation<Object> violation : found) {
            String property = violation.getPropertyPath().toString();
            boolean isId = violation.getConstraintDescriptor().getAnnotation().annotationType() == Id.class;
            String key = property + "|" + isId;
            if (key.equals(lastKey)) {
                continue;
            }
            lastKey = key;
            String where = property.isEmpty() ? path : Paths.property(path, property);
            String shown = show(violation.getInvalidValue());
            violations.add(Violation.error(
                    isId ? ViolationCode.INVALID_ID : ViolationCode.INVALID_VALUE,
                    where,
                    property + " " + shown + " " + violation.getMessage()));
        }
        return violations;
    }

    private static String show(Object value) {
        if (value instanceof CharSequence text) {
            return "\"" + text + "\"";
        }
        if (value instanceof java.util.Collection<?> list) {
            return list.isEmpty() ? "[]" : "(" + list.size() + " elements)";
        }
        return String.valueOf(value);
    }
}
