/** The response formulas: required sample size, margin of error and the response barometer. */
package nl.peiling.stats.sampling;
