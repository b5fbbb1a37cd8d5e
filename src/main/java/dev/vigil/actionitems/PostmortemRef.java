package dev.vigil.actionitems;

/** What the action items need to know of their postmortem: read by this feature's own query. */
public record PostmortemRef(long id, String title, String severity, String status) {}
