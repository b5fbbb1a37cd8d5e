package dev.vigil.config;

import java.util.Optional;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/** Turns YAML text into plain maps, lists and scalars, and YAML errors into one-line problems. */
final class YamlDocument {
    private YamlDocument() {}

    /** The single document in the text, or empty when there is none or the YAML is broken (reported). */
    static Optional<Object> read(String text, Problems problems) {
        Object document;
        try {
            document = new Load(settings()).loadFromString(text);
        } catch (MarkedYamlEngineException e) {
            problems.addGeneral(describe(e));
            return Optional.empty();
        } catch (YamlEngineException e) {
            problems.addGeneral("invalid YAML: " + e.getMessage());
            return Optional.empty();
        }
        if (document == null) {
            problems.addGeneral("the configuration is empty; it needs at least site.name and site.url");
        }
        return Optional.ofNullable(document);
    }

    // The YAML 1.2 core schema: true/false are booleans, "yes" and "on" stay text.
    // Duplicate keys are refused (the default) because the second one would silently win.
    private static LoadSettings settings() {
        return LoadSettings.builder().setSchema(new CoreSchema()).build();
    }

    /** "line 3, column 5: invalid YAML: <problem> (<context> at line 1, column 4)", without a stack trace. */
    private static String describe(MarkedYamlEngineException e) {
        String where = e.getProblemMark().map(mark -> position(mark) + ": ").orElse("");
        String context = e.getContext();
        String around = "";
        if (context != null && !context.isBlank()) {
            around = " (" + context + e.getContextMark().map(mark -> " at " + position(mark)).orElse("") + ")";
        }
        return where + "invalid YAML: " + e.getProblem() + around;
    }

    private static String position(Mark mark) {
        return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }
}
