package dev.accesskeys.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;

/**
 * axe-core (the account theme's pinned npm devDependency, read from the themes' npm workspace, themes/node_modules) injected into the page: a check fails
 * on any critical or serious violation and names each with the elements it found.
 */
final class Axe {

    private static final Path SCRIPT = Path.of("themes", "node_modules", "axe-core", "axe.min.js");
    private static final String RUN = """
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return JSON.stringify(result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))
              })));
            }""";

    private Axe() {
    }

    /** @return the number of violations of any impact, for the report */
    static int check(Page page, String where) {
        assertTrue(Files.isReadable(SCRIPT), "axe-core missing at " + SCRIPT.toAbsolutePath() + ": run npm ci in themes/access-keys");
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe !== 'undefined'"))) {
            page.addScriptTag(new Page.AddScriptTagOptions().setPath(SCRIPT));
        }
        JsonNode violations = ConsoleFixture.parse(String.valueOf(page.evaluate(RUN)));
        List<String> blocking = new ArrayList<>();
        for (JsonNode v : violations) {
            String impact = v.path("impact").asText();
            if (impact.equals("critical") || impact.equals("serious")) {
                blocking.add(impact + " " + v.path("id").asText() + " (" + v.path("help").asText() + ") at " + v.path("nodes"));
            }
        }
        System.out.println("axe " + where + ": " + violations.size() + " violations, " + blocking.size() + " critical/serious "
                + violations);
        assertEquals(List.of(), blocking, "axe-core critical/serious violations on " + where);
        return violations.size();
    }
}
