package nl.peiling.cli;

import nl.peiling.stats.sampling.SampleSize;
import picocli.CommandLine.Option;

/** The parameters of the response formulas (SPEC section 4), shared by the commands that compute required sizes. */
final class SampleSizeOptions {

    @Option(
            names = "--confidence",
            paramLabel = "C",
            defaultValue = "95",
            description =
                    "Confidence level in percent: 90, 95 or 99 (z 1.645, 1.96, 2.576; default: ${DEFAULT-VALUE}).")
    int confidence;

    @Option(
            names = "--margin",
            paramLabel = "E",
            defaultValue = "5",
            description = "Margin of error in percentage points (default: ${DEFAULT-VALUE}).")
    double margin;

    @Option(
            names = "--proportion",
            paramLabel = "P",
            defaultValue = "50",
            description = "Expected proportion in percent (default: ${DEFAULT-VALUE}).")
    double proportion;

    @Option(
            names = "--extra",
            paramLabel = "X",
            defaultValue = "10",
            description = "Extra percentage of the gross size over the net size (default: ${DEFAULT-VALUE}).")
    double extra;

    /** The parameters as a sample-size calculator; a value out of range is an input error naming it. */
    SampleSize sampleSize() {
        try {
            return SampleSize.standard()
                    .withConfidence(confidence)
                    .withMargin(margin)
                    .withProportion(proportion)
                    .withExtra(extra);
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage(), e);
        }
    }
}
