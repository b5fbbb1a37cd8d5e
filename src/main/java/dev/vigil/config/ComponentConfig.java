package dev.vigil.config;

/** A component customers see on the status page. group may be null. */
public record ComponentConfig(String id, String name, String group, String description) {}
