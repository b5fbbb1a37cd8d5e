package dev.vigil.actionitems;

import dev.vigil.errors.InvalidInput;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The filters of the board, its CSV export and the API's list: each null (or false) filters nothing.
 *
 * @param unfinished only items that are not done or won't do ("my action items")
 * @param overdue only items not closed whose due date is before today
 */
record ItemFilters(Long ownerId, ItemStatus status, Priority priority, String componentId, boolean overdue,
        boolean unfinished) {

    public static ItemFilters none() {
        return new ItemFilters(null, null, null, null, false, false);
    }

    /** A user's unfinished items. */
    public static ItemFilters mine(long userId) {
        return new ItemFilters(userId, null, null, null, false, true);
    }

    /**
     * Reads owner, status, priority, component and overdue (1 or true) from query parameters;
     * empty parameters filter nothing.
     *
     * @throws InvalidInput naming the parameter that cannot be read
     */
    public static ItemFilters parse(Function<String, String> query) {
        InvalidInput.Collector problems = new InvalidInput.Collector();
        String owner = blankToNull(query.apply("owner"));
        Long ownerId = null;
        if (owner != null) {
            try {
                ownerId = Long.parseLong(owner);
            } catch (NumberFormatException e) {
                problems.check(false, "owner", "Give the owner as a user's id, such as 3.");
            }
        }
        String status = blankToNull(query.apply("status"));
        ItemStatus itemStatus = status == null ? null : ItemStatus.parse(status).orElse(null);
        problems.check(status == null || itemStatus != null, "status",
                "Use one of " + String.join(", ", ItemStatus.keys()) + ".");
        String priority = blankToNull(query.apply("priority"));
        Priority itemPriority = priority == null ? null : Priority.parse(priority).orElse(null);
        problems.check(priority == null || itemPriority != null, "priority",
                "Use one of " + String.join(", ", Priority.keys()) + ".");
        String overdue = blankToNull(query.apply("overdue"));
        problems.check(overdue == null || overdue.equals("1") || overdue.equals("true") || overdue.equals("0")
                || overdue.equals("false"), "overdue", "Use overdue=1 for overdue items only.");
        problems.throwIfAny();
        return new ItemFilters(ownerId, itemStatus, itemPriority, blankToNull(query.apply("component")),
                "1".equals(overdue) || "true".equals(overdue), false);
    }

    /** The filters as query parameters, to carry them to the CSV link. */
    public Map<String, String> asQuery() {
        Map<String, String> query = new LinkedHashMap<>();
        if (ownerId != null) {
            query.put("owner", ownerId.toString());
        }
        if (status != null) {
            query.put("status", status.key());
        }
        if (priority != null) {
            query.put("priority", priority.key());
        }
        if (componentId != null) {
            query.put("component", componentId);
        }
        if (overdue) {
            query.put("overdue", "1");
        }
        return query;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
