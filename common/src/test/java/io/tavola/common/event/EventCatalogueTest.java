package io.tavola.common.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * The catalogue has one source, {@link EventType}; the web app's event names and docs/contracts.md follow
 * it, and this test fails when either drifted. After changing the enum, regenerate the web app's file
 * with {@code ./mvnw -B -q -pl common test -Dtest=EventCatalogueTest -Dtavola.catalogue.write=true} and
 * edit the table of docs/contracts.md ("Event catalogue").
 */
class EventCatalogueTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final Path WEB_FILE = ROOT.resolve("src-frontend/src/api/eventCatalogue.ts");
    static final Path CONTRACTS = ROOT.resolve("docs/contracts.md");
    private static final String REGENERATE =
            "./mvnw -B -q -pl common test -Dtest=EventCatalogueTest -Dtavola.catalogue.write=true";

    /** What the web app's file must say: every wire type with its stream, as a TypeScript union. */
    static String webFile() {
        String entries = Arrays.stream(EventType.values())
                .map(t -> "  '" + t.wire() + "': { stream: '" + t.stream().wire() + "' },")
                .collect(Collectors.joining("\n"));
        return "// Generated from io.tavola.common.event.EventType by common's EventCatalogueTest: do not edit.\n"
                + "// After a change to the enum: " + REGENERATE + "\n\n"
                + "/** Every event of Tavola's catalogue by its wire type, with its stream (docs/contracts.md). */\n"
                + "export const EVENT_CATALOGUE = {\n" + entries + "\n} as const;\n\n"
                + "/** An event's `type` on the wire. */\n"
                + "export type EventType = keyof typeof EVENT_CATALOGUE;\n\n"
                + "/** The streams events are numbered in (an envelope's `stream`). */\n"
                + "export type EventStream = (typeof EVENT_CATALOGUE)[EventType]['stream'];\n";
    }

    /** The first five columns of the contracts' catalogue row of each event; the rest is prose. */
    static List<String> docRows() {
        UUID rid = UUID.fromString("00000000-0000-0000-0000-000000000000");
        return Arrays.stream(EventType.values())
                .map(t -> "| `" + t.wire() + "` | `" + t.routingKey(rid).replace(rid.toString(), "<rid>") + "` | `"
                        + t.stream().wire() + "` | " + t.stream().producer() + " | `" + t.payload() + "` |")
                .toList();
    }

    static void assertWebFileMatches(String actual) {
        if (!webFile().equals(actual)) {
            throw new AssertionFailedError("src-frontend/src/api/eventCatalogue.ts does not match EventType: run "
                    + REGENERATE, webFile(), actual);
        }
    }

    static void assertDocMatches(String contracts) {
        int start = contracts.indexOf("\n## Event catalogue\n");
        assertTrue(start >= 0, "docs/contracts.md has no \"## Event catalogue\" section");
        int end = contracts.indexOf("\n## ", start + 1);
        String section = contracts.substring(start, end < 0 ? contracts.length() : end);
        List<String> rows = new ArrayList<>();
        for (String line : section.split("\n")) {
            if (line.startsWith("| `")) {
                // the checked columns: up to the fifth cell's closing bar
                int bar = -1;
                for (int i = 0; i < 6; i++) {
                    bar = line.indexOf('|', bar + 1);
                    if (bar < 0) {
                        fail("a catalogue row of docs/contracts.md with fewer than five columns: " + line);
                    }
                }
                rows.add(line.substring(0, bar + 1));
            }
        }
        assertEquals(String.join("\n", docRows()), String.join("\n", rows),
                "docs/contracts.md's Event catalogue lists every EventType in order (type, routing key, stream,"
                        + " producer, payload record)");
    }

    @Test
    void theWebAppsEventNamesAreTheCatalogues() throws IOException {
        if (Boolean.getBoolean("tavola.catalogue.write")) {
            Files.writeString(WEB_FILE, webFile(), StandardCharsets.UTF_8);
        }
        assertTrue(Files.isRegularFile(WEB_FILE), "missing " + WEB_FILE + ": run " + REGENERATE);
        assertWebFileMatches(Files.readString(WEB_FILE, StandardCharsets.UTF_8));
    }

    @Test
    void theContractsListTheCatalogue() throws IOException {
        assertDocMatches(Files.readString(CONTRACTS, StandardCharsets.UTF_8));
    }

    /** The checks above do fail on drift: a web app that lost an event, a doc with a renamed one. */
    @Test
    void driftIsCaught() {
        String first = EventType.values()[0].wire();
        String lost = webFile().replace("  '" + first + "': ", "  ");
        assertThrows(AssertionFailedError.class, () -> assertWebFileMatches(lost));
        String renamed = "intro\n## Event catalogue\n\n" + String.join(" x |\n", docRows()).replace("`" + first + "`",
                "`" + first + "_renamed`") + " x |\n\n## Next\n";
        assertThrows(AssertionFailedError.class, () -> assertDocMatches(renamed));
        String complete = "intro\n## Event catalogue\n\n" + String.join(" x |\n", docRows()) + " x |\n\n## Next\n";
        assertDocMatches(complete);
    }
}
