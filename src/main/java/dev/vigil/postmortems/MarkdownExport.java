package dev.vigil.postmortems;

import dev.vigil.time.TimeFormat;

/** A postmortem as one Markdown document: header, figures, visible timeline, sections. */
record MarkdownExport(TimeFormat times, PostmortemViews views) {

    String of(Postmortems.Loaded loaded) {
        PostmortemPages.Header h = views.header(loaded);
        StringBuilder md = new StringBuilder();
        md.append("# Postmortem: ").append(oneLine(h.title())).append("\n\n");
        md.append("- **Severity:** ").append(h.severity()).append('\n');
        md.append("- **Status:** ").append(h.status()).append('\n');
        md.append("- **Owner:** ").append(oneLine(h.owner())).append('\n');
        md.append("- **Incidents:** ").append(String.join(", ", h.incidentIds().stream().map(i -> "#" + i).toList()))
                .append('\n');
        md.append("- **Affected components:** ").append(oneLine(String.join(", ", loaded.componentIds().stream()
                .map(id -> loaded.componentNames().getOrDefault(id, id)).toList()))).append('\n');
        md.append("- **Started (first failed check):** ").append(h.startedAt()).append('\n');
        md.append("- **Detected (confirmation):** ").append(h.detectedAt()).append('\n');
        md.append("- **Ended (recovery):** ").append(h.endedAt()).append('\n');
        md.append("- **Impact time:** ").append(h.impact()).append('\n');
        md.append("- **Time undetected:** ").append(h.undetected()).append('\n');
        md.append("- **Time to resolve:** ").append(h.toResolve()).append('\n');
        if (!loaded.tags().isEmpty()) {
            md.append("- **Tags:** ").append(String.join(", ", loaded.tags())).append('\n');
        }
        md.append("\nAll times in ").append(times.zone().getId()).append(".\n\n## Timeline\n\n");
        for (TimelineEvent e : loaded.timeline()) {
            if (e.hidden()) {
                continue;
            }
            md.append("- ").append(e.pinned() ? "**" : "").append(times.dateTime(e.at())).append(" — ")
                    .append(oneLine(e.title())).append(e.pinned() ? "**" : "");
            if (!e.detail().isBlank()) {
                md.append(": ").append(oneLine(e.detail()));
            }
            if (e.annotation() != null) {
                md.append(" _(").append(oneLine(e.annotation())).append(")_");
            }
            md.append('\n');
        }
        for (PostmortemStore.Section s : loaded.sections()) {
            md.append("\n## ").append(oneLine(s.title())).append("\n\n")
                    .append(s.body().isBlank() ? "_Not written yet._" : s.body().strip()).append('\n');
        }
        return md.toString();
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }
}
