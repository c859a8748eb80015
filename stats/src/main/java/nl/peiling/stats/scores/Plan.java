package nl.peiling.stats.scores;

import java.util.ArrayList;
import java.util.List;
import nl.peiling.core.model.Cluster;
import nl.peiling.core.model.Edition;
import nl.peiling.core.model.GradeQuestion;
import nl.peiling.core.model.Module;
import nl.peiling.core.model.MultiQuestion;
import nl.peiling.core.model.Question;
import nl.peiling.core.model.QuestionType;
import nl.peiling.core.model.Scale;
import nl.peiling.core.model.ScalePoint;
import nl.peiling.core.model.ScaleQuestion;
import nl.peiling.core.model.SingleQuestion;
import nl.peiling.core.model.Valence;

/**
 * Where each sum of a cell's accumulator lives in its {@code long[]}: per aggregated question and per
 * cluster. All sums are exact integers (codes, marks, millionths), so adding cells in any order gives
 * the same totals, bit for bit.
 */
final class Plan {

    /** Slot 0 of every cell: the respondents accepted in it. */
    static final int RESPONDENTS = 0;

    /** Slot 1: where the point counts of empty answers go (see {@link #pointSlot}); never read. */
    static final int UNUSED = 1;

    /** Slots 2 to 2 + modules − 1: the respondents of the cell who got each module (edition order). */
    static final int MODULES = 2;

    /** The layout of one aggregated question. */
    static final class Item {
        final int question;
        final Question definition;
        final QuestionType type;
        final Scale scale;
        final int offset;
        /** Codes per count slot: point codes of a scale, 1..10 of a grade, option indexes otherwise. */
        final int[] codes;

        final int nonSubstantive;
        /** For scale points: the count slot of each point code (code - minCode), -1 where none. */
        final int[] slotOfCode;

        final int minCode;

        /**
         * Per count slot: whether its code is a positive answer (a scale's positive class, a grade of
         * {@link GradeQuestion#POSITIVE_FROM} and up); null for items without shares.
         */
        final boolean[] positiveCodes;

        Item(int question, Question definition, Scale scale, int offset) {
            this.question = question;
            this.definition = definition;
            this.type = definition.type();
            this.scale = scale;
            this.offset = offset;
            if (definition instanceof ScaleQuestion) {
                codes = scale.points().stream().mapToInt(ScalePoint::code).toArray();
                nonSubstantive = scale.nonSubstantive().size();
                minCode = scale.min();
                slotOfCode = new int[scale.max() - minCode + 1];
                java.util.Arrays.fill(slotOfCode, -1);
                for (int i = 0; i < codes.length; i++) {
                    slotOfCode[codes[i] - minCode] = i;
                }
            } else if (definition instanceof GradeQuestion) {
                codes = java.util.stream.IntStream.rangeClosed(GradeQuestion.MIN, GradeQuestion.MAX)
                        .toArray();
                nonSubstantive = 0;
                minCode = GradeQuestion.MIN;
                slotOfCode = java.util.stream.IntStream.range(0, codes.length).toArray();
            } else if (definition instanceof SingleQuestion s) {
                codes = java.util.stream.IntStream.range(0, s.options().size()).toArray();
                nonSubstantive = 0;
                minCode = 0;
                slotOfCode = codes;
            } else if (definition instanceof MultiQuestion m) {
                codes = java.util.stream.IntStream.range(0, m.options().size()).toArray();
                nonSubstantive = 0;
                minCode = 0;
                slotOfCode = codes;
            } else {
                codes = new int[0];
                nonSubstantive = 0;
                minCode = 0;
                slotOfCode = new int[0];
            }
            positiveCodes = switch (type) {
                case SCALE -> positive(codes, code -> scale.valenceOf(code).orElseThrow() == Valence.POSITIVE);
                case GRADE -> positive(codes, code -> code >= GradeQuestion.POSITIVE_FROM);
                case SINGLE, MULTI, NUMBER, TEXT -> null;
            };
        }

        private static boolean[] positive(int[] codes, java.util.function.IntPredicate positive) {
            boolean[] result = new boolean[codes.length];
            for (int c = 0; c < codes.length; c++) {
                result[c] = positive.test(codes[c]);
            }
            return result;
        }

        /** Whether the item has positive, neutral and negative shares (scale, grade). */
        boolean hasShares() {
            return positiveCodes != null;
        }

        /**
         * Slots: n, sum, sum of squares (two slots for numbers: high and low 64 bits), then counts per
         * code and non-substantive counts. Points (scale, grade) have only the counts: n, sum and sum of
         * squares follow from them.
         */
        int size() {
            return counts() - offset + codes.length + nonSubstantive;
        }

        /** Whether the answers are points (scale, grade), counted per code only. */
        boolean points() {
            return type == QuestionType.SCALE || type == QuestionType.GRADE;
        }

        /** The slot of n, for items that are not points. */
        int n() {
            return offset;
        }

        int sum() {
            return offset + 1;
        }

        int sumSq() {
            return offset + 2;
        }

        int counts() {
            return offset + (points() ? 0 : type == QuestionType.NUMBER ? 4 : 3);
        }

        int nonSubstantiveCounts() {
            return counts() + codes.length;
        }

        boolean hasMean() {
            return type == QuestionType.SCALE || type == QuestionType.GRADE || type == QuestionType.NUMBER;
        }
    }

    /** The layout of one cluster. */
    static final class ClusterPlan {
        final Cluster cluster;
        /** Question index of each item. */
        final int[] items;

        final int required;
        final int offset;

        /** min + max of the scale: a reverse-keyed answer x counts as reverseSum − x. */
        final int reverseSum;

        /** The item layout of each item. */
        final Item[] itemPlans;

        /** The positions (in {@link #items}) of the reverse-keyed items. */
        final int[] reversedItems;

        ClusterPlan(Cluster cluster, Scale scale, int[] items, Item[] itemPlans, int offset) {
            this.cluster = cluster;
            this.itemPlans = itemPlans;
            this.reverseSum = scale.min() + scale.max();
            this.items = items;
            this.reversedItems = java.util.stream.IntStream.range(0, items.length)
                    .filter(i -> cluster.isReversed(cluster.items().get(i)))
                    .toArray();
            this.required = cluster.requiredAnswers();
            this.offset = offset;
        }

        int k() {
            return items.length;
        }

        /** n, sum of item sums, sum of squared item sums for respondents with j answered items (j = 1..k). */
        int byAnswered(int j) {
            return offset + 3 * (j - 1);
        }

        /** Complete cases: n, sum of totals, sum of squared totals (those of j = k). */
        int complete() {
            return byAnswered(k());
        }

        /**
         * Per item i: the sum and the sum of squares of its answers in incomplete cases (1 to k − 1
         * answered). Those of complete cases are the item's totals, from its point counts, less these:
         * most cases are complete, so this is the cheaper side to count. The answers are not reverse
         * coded: they only give item variances, and var(min + max − x) = var(x).
         */
        int incomplete(int i) {
            return offset + 3 * k() + 2 * i;
        }

        int size() {
            return 3 * k() + 2 * k();
        }
    }

    final Edition edition;
    final List<Item> items = new ArrayList<>();
    final List<ClusterPlan> clusters = new ArrayList<>();
    final int size;
    /** Per module (edition order): its items are items[itemFrom[m], itemFrom[m + 1]), likewise clusters. */
    final int[] itemFrom;

    final int[] clusterFrom;

    /** The module (edition order) of each item and of each cluster. */
    final int[] itemModule;

    final int[] clusterModule;

    /** The clusters as an array, for the hot path. */
    final ClusterPlan[] clusterPlans;

    /** The hot path's view of the items, as flat arrays indexed like {@link #items}. */
    static final int KIND_POINTS = 0;

    static final int KIND_SINGLE = 1;
    static final int KIND_MULTI = 2;
    static final int KIND_NUMBER = 3;
    /** Points whose codes are not consecutive: the count slot goes through {@link #itemSlotOfCode}. */
    static final int KIND_POINTS_MAPPED = 4;

    final int[] itemKind;
    final int[] itemQuestion;
    final int[] itemOffset;
    final int[] itemCounts;
    final int[] itemNonSubstantive;
    final int[] itemMinCode;
    final int[][] itemSlotOfCode;

    /**
     * The point items with consecutive codes (most items), per module: point items j in
     * [pointFrom[m], pointFrom[m + 1]), of question pointQuestion[j]. While rows are read, their code
     * counts live in a small {@code int[]} per cell rather than in the sums, so that the counts a row
     * touches stay in the processor's cache: an answer in state st (a {@link
     * nl.peiling.stats.responses.ResponseRow} state) with value v counts at pointSlot[4 * j + st] + (v &
     * STATE_MASK[st]) there, its point count, its non-substantive count, or 0 (not counted). Count k
     * belongs in the sums at pointSum[k] when cells are merged.
     */
    final int[] pointFrom;

    final int[] pointQuestion;
    final int[] pointSlot;
    final int[] pointSum;
    /** The other items (single, multi, number, points with gaps) per module: otherItem[otherFrom[m], ...). */
    final int[] otherFrom;

    final int[] otherItem;

    /** Per state: whether the value selects the slot (-1) or not (0). */
    static final long[] STATE_MASK = {0, -1, -1, 0};

    Plan(Edition edition, List<Question> questions) {
        this.edition = edition;
        List<Module> modules = edition.modules();
        int offset = MODULES + modules.size();
        itemFrom = new int[modules.size() + 1];
        clusterFrom = new int[modules.size() + 1];
        for (int q = 0; q < questions.size(); q++) {
            Question question = questions.get(q);
            if (question.type() == QuestionType.TEXT) {
                continue; // open text is never aggregated
            }
            Module owner = edition.moduleOf(question.id()).orElseThrow();
            Scale scale =
                    question instanceof ScaleQuestion s ? owner.scale(s.scale()).orElseThrow() : null;
            Item item = new Item(q, question, scale, offset);
            items.add(item);
            offset += item.size();
            itemFrom[modules.indexOf(owner) + 1] = items.size();
        }
        for (int m = 1; m <= modules.size(); m++) {
            itemFrom[m] = Math.max(itemFrom[m], itemFrom[m - 1]); // a module without aggregated questions
        }
        for (int m = 0; m < modules.size(); m++) {
            Module module = modules.get(m);
            clusterFrom[m] = clusters.size();
            for (Cluster cluster : module.clusters()) {
                int[] indexes = new int[cluster.items().size()];
                Item[] itemPlans = new Item[indexes.length];
                for (int i = 0; i < indexes.length; i++) {
                    indexes[i] = questions.indexOf(
                            module.question(cluster.items().get(i)).orElseThrow());
                    int question = indexes[i];
                    itemPlans[i] = items.stream()
                            .filter(item -> item.question == question)
                            .findFirst()
                            .orElseThrow();
                }
                ScaleQuestion first =
                        (ScaleQuestion) module.question(cluster.items().get(0)).orElseThrow();
                ClusterPlan plan =
                        new ClusterPlan(cluster, module.scale(first.scale()).orElseThrow(), indexes, itemPlans, offset);
                clusters.add(plan);
                offset += plan.size();
            }
        }
        clusterFrom[modules.size()] = clusters.size();
        itemModule = new int[items.size()];
        clusterModule = new int[clusters.size()];
        for (int m = 0; m < modules.size(); m++) {
            java.util.Arrays.fill(itemModule, itemFrom[m], itemFrom[m + 1], m);
            java.util.Arrays.fill(clusterModule, clusterFrom[m], clusterFrom[m + 1], m);
        }
        clusterPlans = clusters.toArray(new ClusterPlan[0]);
        this.size = offset;
        int n = items.size();
        itemKind = new int[n];
        itemQuestion = new int[n];
        itemOffset = new int[n];
        itemCounts = new int[n];
        itemNonSubstantive = new int[n];
        itemMinCode = new int[n];
        itemSlotOfCode = new int[n][];
        for (int i = 0; i < n; i++) {
            Item item = items.get(i);
            itemKind[i] = switch (item.type) {
                case SCALE, GRADE -> KIND_POINTS;
                case SINGLE -> KIND_SINGLE;
                case MULTI -> KIND_MULTI;
                case NUMBER -> KIND_NUMBER;
                default -> throw new IllegalStateException("not aggregated: " + item.type);
            };
            itemQuestion[i] = item.question;
            itemOffset[i] = item.offset;
            itemCounts[i] = item.counts();
            itemNonSubstantive[i] = item.nonSubstantiveCounts();
            itemMinCode[i] = item.minCode;
            itemSlotOfCode[i] = item.slotOfCode;
            if (itemKind[i] == KIND_POINTS) {
                for (int slot = 0; slot < item.slotOfCode.length; slot++) {
                    if (item.slotOfCode[slot] != slot) {
                        itemKind[i] = KIND_POINTS_MAPPED;
                    }
                }
            }
        }
        pointFrom = new int[modules.size() + 1];
        otherFrom = new int[modules.size() + 1];
        List<Integer> points = new ArrayList<>();
        List<Integer> others = new ArrayList<>();
        for (int m = 0; m < modules.size(); m++) {
            pointFrom[m] = points.size();
            otherFrom[m] = others.size();
            for (int i = itemFrom[m]; i < itemFrom[m + 1]; i++) {
                (itemKind[i] == KIND_POINTS ? points : others).add(i);
            }
        }
        pointFrom[modules.size()] = points.size();
        otherFrom[modules.size()] = others.size();
        otherItem = others.stream().mapToInt(Integer::intValue).toArray();
        pointQuestion = new int[points.size()];
        pointSlot = new int[4 * points.size()];
        List<Integer> pointSums = new ArrayList<>(List.of(UNUSED));
        for (int j = 0; j < points.size(); j++) {
            Item item = items.get(points.get(j));
            pointQuestion[j] = item.question;
            pointSlot[4 * j + 1] = pointSums.size() - item.minCode;
            for (int c = 0; c < item.codes.length; c++) {
                pointSums.add(item.counts() + c);
            }
            pointSlot[4 * j + 2] = pointSums.size();
            for (int c = 0; c < item.nonSubstantive; c++) {
                pointSums.add(item.nonSubstantiveCounts() + c);
            }
        }
        pointSum = pointSums.stream().mapToInt(Integer::intValue).toArray();
    }
}
