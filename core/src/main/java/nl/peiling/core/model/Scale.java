package nl.peiling.core.model;

import static java.util.Objects.requireNonNull;

import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import java.util.Optional;

/**
 * An ordinal answer scale: substantive points, their split into negative / neutral / positive, and the
 * non-substantive codes ({@code nvt}, {@code weet niet}) that count as no opinion.
 *
 * <p>A valid scale's three classes partition its point codes (the validator checks this, code
 * {@code scale-classification}).
 *
 * @param id the scale id, unique within its module
 * @param points the substantive points, in the order shown
 * @param negative codes counted as negative
 * @param neutral codes counted as neutral
 * @param positive codes counted as positive
 * @param nonSubstantive answer codes outside the scale; never part of a mean
 */
public record Scale(
        @Id String id,

        @NotEmpty(message = "a scale needs at least one point")
        List<ScalePoint> points,

        List<Integer> negative,
        List<Integer> neutral,
        List<Integer> positive,
        List<Option> nonSubstantive) {

    public Scale {
        requireNonNull(id, "id");
        points = List.copyOf(points);
        negative = List.copyOf(negative);
        neutral = List.copyOf(neutral);
        positive = List.copyOf(positive);
        nonSubstantive = List.copyOf(nonSubstantive);
    }

    /** The lowest point code; 0 for a scale without points. */
    public int min() {
        if (points.isEmpty()) {
            return 0;
        }
        int min = Integer.MAX_VALUE;
        for (ScalePoint point : points) {
            min = Math.min(min, point.code());
        }
        return min;
    }

    /** The highest point code; 0 for a scale without points. */
    public int max() {
        if (points.isEmpty()) {
            return 0;
        }
        int max = Integer.MIN_VALUE;
        for (ScalePoint point : points) {
            max = Math.max(max, point.code());
        }
        return max;
    }

    /** Reverse codes a point: {@code x -> min + max - x}. */
    public int reverse(int code) {
        return min() + max() - code;
    }

    /** Whether {@code code} is one of the substantive points. */
    public boolean hasPoint(int code) {
        for (ScalePoint point : points) {
            if (point.code() == code) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code code} is one of the non-substantive codes. */
    public boolean isNonSubstantive(String code) {
        return nonSubstantive.stream().anyMatch(o -> o.code().equals(code));
    }

    /** The class of a point code, empty for a code in none of the three classes. */
    public Optional<Valence> valenceOf(int code) {
        if (negative.contains(code)) {
            return Optional.of(Valence.NEGATIVE);
        }
        if (neutral.contains(code)) {
            return Optional.of(Valence.NEUTRAL);
        }
        if (positive.contains(code)) {
            return Optional.of(Valence.POSITIVE);
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "Scale[" + id + " " + min() + ".." + max()
                + (nonSubstantive.isEmpty()
                        ? ""
                        : " +" + nonSubstantive.stream().map(Option::code).toList()) + "]";
    }
}
