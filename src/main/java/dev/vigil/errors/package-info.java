/**
 * The failures domain code reports, free of any web framework: {@link dev.vigil.errors.NotFound},
 * {@link dev.vigil.errors.Conflict}, {@link dev.vigil.errors.Refused} and
 * {@link dev.vigil.errors.InvalidInput}. One mapping in {@code dev.vigil.web.ErrorMapping} turns
 * them into HTTP answers: a page for browsers, JSON under /api/v1, a line of text for scripts.
 */
package dev.vigil.errors;
