package nl.peiling.stats.scores;

import nl.peiling.core.engine.AnswerRule;
import nl.peiling.core.model.QuestionType;
import nl.peiling.stats.responses.ResponseRow;

/**
 * The exact sums of one cell (institution × location × level × pathway): everything the figures of any
 * group made of whole cells need. Rows are added and, for double logins, taken back.
 */
final class CellStats {

    final long[] sums;

    /** The point counts of rows added since the last merge, see {@link Plan#pointSlot}. */
    final int[] counts;

    CellStats(Plan plan) {
        this.sums = new long[plan.size];
        this.counts = new int[plan.pointSum.length];
    }

    /**
     * Adds another cell's sums and point counts to these sums; the 128-bit sums of squares of numbers
     * carry from low to high word.
     */
    void add(Plan plan, CellStats other) {
        long[] theirs = other.sums;
        for (int i = 0; i < sums.length; i++) {
            sums[i] += theirs[i];
        }
        int[] pointSum = plan.pointSum;
        for (int k = 0; k < pointSum.length; k++) {
            sums[pointSum[k]] += other.counts[k];
        }
        for (Plan.Item item : plan.items) {
            if (item.type == QuestionType.NUMBER) {
                int low = item.sumSq() + 1;
                // sums[low] now holds mine + theirs modulo 2^64; a carry happened when it wrapped.
                if (Long.compareUnsigned(sums[low], theirs[low]) < 0) {
                    sums[item.sumSq()]++;
                }
            }
        }
    }

    /** Adds ({@code sign} 1) or takes back ({@code sign} -1) one respondent's answers. */
    void apply(Plan plan, ResponseRow row, long sign) {
        long[] s = sums;
        s[Plan.RESPONDENTS] += sign;
        // Only the modules the respondent got: other modules have no answers (the reader checked), and
        // the reader sets only bits of the edition's modules.
        long modules = row.modules();
        int[] pointQuestion = plan.pointQuestion;
        int[] pointSlot = plan.pointSlot;
        int[] c = counts;
        int step = (int) sign;
        while (modules != 0) {
            int m = Long.numberOfTrailingZeros(modules);
            modules &= modules - 1;
            s[Plan.MODULES + m] += sign;
            for (int j = plan.pointFrom[m]; j < plan.pointFrom[m + 1]; j++) {
                int q = pointQuestion[j];
                int state = row.state(q);
                c[pointSlot[4 * j + state] + (int) (row.value(q) & Plan.STATE_MASK[state])] += step;
            }
            for (int j = plan.otherFrom[m]; j < plan.otherFrom[m + 1]; j++) {
                applyItem(s, plan, plan.otherItem[j], row, sign);
            }
            for (int k = plan.clusterFrom[m]; k < plan.clusterFrom[m + 1]; k++) {
                apply(s, plan.clusterPlans[k], row, sign);
            }
        }
    }

    /** Adds one answer; the item's layout comes from the plan's flat arrays, for speed. */
    private static void applyItem(long[] s, Plan plan, int i, ResponseRow row, long sign) {
        int q = plan.itemQuestion[i];
        byte state = row.state(q);
        if (state == AnswerRule.EMPTY) {
            return;
        }
        long value = row.value(q);
        if (state == AnswerRule.NON_SUBSTANTIVE) {
            s[plan.itemNonSubstantive[i] + (int) value] += sign;
            return;
        }
        int at = plan.itemOffset[i];
        switch (plan.itemKind[i]) {
            // n, the sum and the sum of squares of points follow from the counts per code; see n(), sum().
            // Points with consecutive codes are counted in apply(), in the int counts.
            case Plan.KIND_POINTS_MAPPED ->
                s[plan.itemCounts[i] + plan.itemSlotOfCode[i][(int) value - plan.itemMinCode[i]]] += sign;
            case Plan.KIND_SINGLE -> {
                s[at] += sign;
                s[plan.itemCounts[i] + (int) value] += sign;
            }
            case Plan.KIND_MULTI -> {
                s[at] += sign;
                long mask = value;
                while (mask != 0) {
                    s[plan.itemCounts[i] + Long.numberOfTrailingZeros(mask)] += sign;
                    mask &= mask - 1;
                }
            }
            case Plan.KIND_NUMBER -> {
                s[at] += sign;
                s[at + 1] += sign * value;
                // value * value as 128 bits: high word in sumSq, low word in the next slot.
                long high = Math.multiplyHigh(value, value);
                long low = value * value;
                if (sign < 0) {
                    high = ~high;
                    low = -low;
                    if (low == 0) {
                        high++;
                    }
                }
                long before = s[at + 3];
                long after = before + low;
                s[at + 3] = after;
                s[at + 2] += high + (Long.compareUnsigned(after, before) < 0 ? 1 : 0);
            }
            default -> throw new IllegalStateException("not an item of the other kinds: " + plan.itemKind[i]);
        }
    }

    private static void apply(long[] s, Plan.ClusterPlan cluster, ResponseRow row, long sign) {
        int answered = 0;
        long total = 0;
        int[] items = cluster.items;
        for (int i = 0; i < items.length; i++) {
            int q = items[i];
            long substantive = row.state(q) == AnswerRule.SUBSTANTIVE ? -1 : 0; // a mask, without a branch
            answered -= (int) substantive;
            total += row.value(q) & substantive;
        }
        // A reverse-keyed answer x counts as min + max − x: correct the plain sum for those.
        int[] reversed = cluster.reversedItems;
        for (int r = 0; r < reversed.length; r++) {
            int q = items[reversed[r]];
            if (row.state(q) == AnswerRule.SUBSTANTIVE) {
                total += cluster.reverseSum - 2 * row.value(q);
            }
        }
        if (answered == 0) {
            return;
        }
        if (answered >= cluster.required) {
            int at = cluster.byAnswered(answered);
            s[at] += sign;
            s[at + 1] += sign * total;
            s[at + 2] += sign * total * total;
        }
        if (answered < cluster.k()) {
            for (int i = 0; i < cluster.items.length; i++) {
                int q = cluster.items[i];
                if (row.state(q) == AnswerRule.SUBSTANTIVE) {
                    long x = row.value(q); // not reverse coded: see Plan.ClusterPlan.incomplete
                    int at = cluster.incomplete(i);
                    s[at] += sign * x;
                    s[at + 1] += sign * x * x;
                }
            }
        }
    }

    /** The substantive answers of an item in a cell; for points (scale, grade) the sum of the code counts. */
    static long n(long[] s, Plan.Item item) {
        if (!item.points()) {
            return s[item.n()];
        }
        long n = 0;
        for (int c = 0; c < item.codes.length; c++) {
            n += s[item.counts() + c];
        }
        return n;
    }

    /** The sum of the answers of a point item (scale, grade): Σ code × count. */
    static long sum(long[] s, Plan.Item item) {
        long sum = 0;
        for (int c = 0; c < item.codes.length; c++) {
            sum += item.codes[c] * s[item.counts() + c];
        }
        return sum;
    }

    /** The sum of the squared answers of a point item (scale, grade): Σ code² × count. */
    static long sumSq(long[] s, Plan.Item item) {
        long sum = 0;
        for (int c = 0; c < item.codes.length; c++) {
            sum += (long) item.codes[c] * item.codes[c] * s[item.counts() + c];
        }
        return sum;
    }

    /**
     * Whether all answers of a number question in a cell are equal: n·Σx² = (Σx)², in exact (128-bit
     * and wider) integers. The doubles (Σx)²/n and Σx² (in the answers' unit) rule out most cells first,
     * far beyond their rounding; the exact check decides the rest.
     */
    static boolean numberConstant(long[] s, Plan.Item item, double squaredSumOverN, double sumSq) {
        if (sumSq - squaredSumOverN > 1e-9 * Math.max(1, sumSq)) {
            return false;
        }
        java.math.BigInteger exactSumSq = java.math.BigInteger.valueOf(s[item.sumSq()])
                .shiftLeft(64)
                .add(new java.math.BigInteger(Long.toUnsignedString(s[item.sumSq() + 1])));
        java.math.BigInteger sum = java.math.BigInteger.valueOf(s[item.sum()]);
        return java.math.BigInteger.valueOf(s[item.n()]).multiply(exactSumSq).equals(sum.multiply(sum));
    }

    /** The sum of squares of a number question as a double (from its 128-bit value, in millionths²). */
    static double numberSumSq(long[] s, Plan.Item item) {
        long high = s[item.sumSq()];
        long low = s[item.sumSq() + 1];
        return high * 0x1p64 + (low >>> 1) * 2.0 + (low & 1);
    }
}
