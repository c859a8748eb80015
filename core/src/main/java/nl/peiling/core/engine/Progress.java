package nl.peiling.core.engine;

/**
 * How far a respondent is: answered visible questions of all visible ones, and the time the unanswered
 * visible questions are estimated to take (SPEC section 2's estimates).
 *
 * @param answered the visible questions answered (a non-substantive code counts)
 * @param visible the questions visible now
 * @param secondsLeft the estimated seconds of the unanswered visible questions
 */
public record Progress(int answered, int visible, int secondsLeft) {

    public Progress {
        if (answered < 0 || visible < answered || secondsLeft < 0) {
            throw new IllegalArgumentException(
                    "progress " + answered + "/" + visible + ", " + secondsLeft + " s left is impossible");
        }
    }

    /** The share answered, 0 to 100, rounded down; 100 when nothing is visible. */
    public int percent() {
        return visible == 0 ? 100 : answered * 100 / visible;
    }

    @Override
    public String toString() {
        return answered + "/" + visible + " answered (" + percent() + " %), about " + (secondsLeft + 59) / 60
                + " min left";
    }
}
