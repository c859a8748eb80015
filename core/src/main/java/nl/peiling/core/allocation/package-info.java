/** Allocation of optional modules to respondents: deterministic, balanced and auditable. */
package nl.peiling.core.allocation;
