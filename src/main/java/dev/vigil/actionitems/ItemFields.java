package dev.vigil.actionitems;

import java.time.LocalDate;

/** The fields staff set on an item, checked by {@link ItemForm}. trackerUrl is null when there is none. */
public record ItemFields(String title, String description, long ownerId, ItemKind kind, Priority priority,
        LocalDate dueOn, ItemSource source, String trackerUrl, boolean isPublic) {}
