package nl.peiling.core.validation;

/**
 * The stable codes of violations. Programs match on {@link #code()}, so a code is never renamed.
 */
public enum ViolationCode {
    /** A file or folder that does not exist or cannot be read. */
    UNREADABLE("unreadable"),
    /** The file is not well-formed JSON, or exceeds the reader's limits. */
    JSON_SYNTAX("json-syntax"),
    /** An object has the same property twice. */
    DUPLICATE_PROPERTY("duplicate-property"),
    /** A property the format does not define (typos must not pass silently). */
    UNKNOWN_PROPERTY("unknown-property"),
    /** A value of the wrong JSON type. */
    WRONG_TYPE("wrong-type"),
    /** A required property is absent. */
    MISSING_FIELD("missing-field"),
    /** The {@code format} field names another format or version. */
    UNSUPPORTED_FORMAT("unsupported-format"),
    /** A value outside its allowed range or set. */
    INVALID_VALUE("invalid-value"),
    /** An id that is not {@code [a-z][a-z0-9_]*} of at most 40 characters. */
    INVALID_ID("invalid-id"),
    /** An id or code that repeats. */
    DUPLICATE_ID("duplicate-id"),
    /** A reference to a module, scale or question that does not exist. */
    UNKNOWN_REFERENCE("unknown-reference"),
    /** A module of the wrong kind: an optional module as base, or the base as an optional module. */
    WRONG_KIND("wrong-kind"),
    /** A module file in a definition folder that the edition file does not list (warning). */
    UNLISTED_MODULE("unlisted-module"),
    /** A text without Dutch (error) or English (warning). */
    MISSING_TRANSLATION("missing-translation"),
    /** The negative, neutral and positive classes do not partition a scale's points. */
    SCALE_CLASSIFICATION("scale-classification"),
    /** A cluster item that belongs to another module. */
    CLUSTER_SPLIT("cluster-split"),
    /** Cluster items on different scales. */
    CLUSTER_MIXED_SCALES("cluster-mixed-scales"),
    /** A cluster item that is not a scale question. */
    CLUSTER_ITEM_TYPE("cluster-item-type"),
    /** A reverse-keyed id that is not one of the cluster's items. */
    CLUSTER_REVERSE_NOT_ITEM("cluster-reverse-not-item"),
    /** {@code minAnswered} outside 1 to the number of items. */
    CLUSTER_MIN_ANSWERED("cluster-min-answered"),
    /** A {@code visibleIf} that does not parse. */
    ROUTING_SYNTAX("routing-syntax"),
    /** A {@code visibleIf} that reads the question itself or a later question. */
    ROUTING_FORWARD_REFERENCE("routing-forward-reference"),
    /** A {@code visibleIf} that reads a question of another optional module. */
    ROUTING_CROSS_MODULE("routing-cross-module"),
    /** A {@code visibleIf} comparing a question with a literal of the wrong kind. */
    ROUTING_TYPE_MISMATCH("routing-type-mismatch"),
    /** Base plus the longest permitted combination of modules exceeds {@code maxMinutes}. */
    LENGTH_BUDGET("length-budget"),
    /** Rules that no allocation can satisfy. */
    RULES_INFEASIBLE("rules-infeasible"),
    /** A question of the previous edition with other text or scale: its trend is broken (warning). */
    TREND_BREAK("trend-break");

    private final String code;

    ViolationCode(String code) {
        this.code = code;
    }

    /** The stable code as it appears in reports and JSON. */
    public String code() {
        return code;
    }

    @Override
    public String toString() {
        return code;
    }
}
