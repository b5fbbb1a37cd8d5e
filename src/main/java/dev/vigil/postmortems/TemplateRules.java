package dev.vigil.postmortems;

import dev.vigil.errors.InvalidInput;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** What a postmortem template must be: named sections with unique short keys. Pure. */
final class TemplateRules {
    static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    static final int TITLE_LIMIT = 100;
    static final int GUIDANCE_LIMIT = 1000;

    private TemplateRules() {}

    static void check(List<TemplateSections.TemplateSection> sections) {
        InvalidInput.Collector problems = new InvalidInput.Collector();
        problems.check(!sections.isEmpty(), "sections", "Keep at least one section.");
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < sections.size(); i++) {
            TemplateSections.TemplateSection s = sections.get(i);
            String row = "section." + i + ".";
            problems.check(KEY.matcher(s.key()).matches(), row + "key", "Section keys are lower-case letters, digits "
                    + "and _, starting with a letter, at most 40 characters (\"" + s.key() + "\" is not).");
            problems.check(keys.add(s.key()), row + "key", "The key \"" + s.key() + "\" is used twice.");
            problems.check(!s.title().isBlank() && s.title().length() <= TITLE_LIMIT, row + "title",
                    "Each section needs a title of at most " + TITLE_LIMIT + " characters.");
            problems.check(s.guidance().length() <= GUIDANCE_LIMIT, row + "guidance",
                    "Guidance is at most " + GUIDANCE_LIMIT + " characters.");
        }
        problems.throwIfAny();
    }
}
