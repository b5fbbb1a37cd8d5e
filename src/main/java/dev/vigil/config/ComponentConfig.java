package dev.vigil.config;

/**
 * A component customers see on the status page. group may be null. essential: when it is down, the
 * whole service is (a major service outage), however many other components still work.
 */
public record ComponentConfig(String id, String name, String group, String description, boolean essential) {}
