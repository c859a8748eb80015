/**
 * Changes between two results files of {@code aggregate} (SPEC section 8): differences of means and
 * positive shares per group, item and cluster, with Benjamini–Hochberg control of false discoveries
 * and a materiality rule. Entry point: {@link nl.peiling.stats.trend.Trends}.
 */
package nl.peiling.stats.trend;
