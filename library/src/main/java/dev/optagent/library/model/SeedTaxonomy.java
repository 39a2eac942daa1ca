package dev.optagent.library.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The seed taxonomy (resource {@code library/taxonomy.json}): stages, level-1 tracks, level-2 labels, and per label the
 * cue words that suggest it in a problem's text (a cheap retrieval signal). A label the model proposes is mapped to a
 * seed label when one fits (same words, ignoring case and punctuation); only otherwise is it a new label.
 */
public final class SeedTaxonomy {

    private static final SeedTaxonomy BUILT_IN = load();

    private final List<String> stages;
    /** level 1 -> level 2 -> cue words. */
    private final Map<String, Map<String, List<String>>> tracks;

    private SeedTaxonomy(List<String> stages, Map<String, Map<String, List<String>>> tracks) {
        this.stages = List.copyOf(stages);
        this.tracks = tracks;
    }

    public static SeedTaxonomy builtIn() {
        return BUILT_IN;
    }

    private static SeedTaxonomy load() {
        try (InputStream in = SeedTaxonomy.class.getResourceAsStream("/library/taxonomy.json")) {
            if (in == null) throw new IllegalStateException("the seed taxonomy resource library/taxonomy.json is missing");
            JsonNode root = LibraryJson.JSON.readTree(in);
            List<String> stages = new ArrayList<>();
            root.path("stages").forEach(stage -> stages.add(stage.asText()));
            Map<String, Map<String, List<String>>> tracks = new LinkedHashMap<>();
            root.path("tracks").properties().forEach(track -> {
                Map<String, List<String>> labels = new LinkedHashMap<>();
                track.getValue().properties().forEach(label -> {
                    List<String> cues = new ArrayList<>();
                    label.getValue().forEach(cue -> cues.add(cue.asText().toLowerCase(Locale.ROOT)));
                    labels.put(label.getKey(), List.copyOf(cues));
                });
                tracks.put(track.getKey(), labels);
            });
            return new SeedTaxonomy(stages, tracks);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> stages() {
        return stages;
    }

    public Set<String> tracks() {
        return tracks.keySet();
    }

    public Set<String> labels(String track) {
        return tracks.getOrDefault(track, Map.of()).keySet();
    }

    /** Cue words of a label (empty for a label outside the seed). */
    public List<String> cues(String level2) {
        for (Map<String, List<String>> labels : tracks.values()) {
            List<String> cues = labels.get(level2);
            if (cues != null) return cues;
        }
        return List.of();
    }

    public boolean known(Taxonomy taxonomy) {
        return tracks.containsKey(taxonomy.level1()) && tracks.get(taxonomy.level1()).containsKey(taxonomy.level2());
    }

    /**
     * The taxonomy as the seed spells it: the stage checked, level 1 and level 2 mapped to seed labels that fit.
     * A level 2 that fits no seed label stays as written (a new label: the caller records it).
     */
    public Taxonomy normalise(Taxonomy proposed) {
        String stage = stages.contains(key(proposed.stage())) ? key(proposed.stage()) : "formulate";
        String level1 = fit(proposed.level1(), tracks.keySet());
        if (level1 == null) {
            level1 = trackOf(proposed.level2());
            if (level1 == null) level1 = key(proposed.level1());
        }
        String level2 = fit(proposed.level2(), tracks.getOrDefault(level1, Map.of()).keySet());
        if (level2 == null) {
            String elsewhere = trackOf(proposed.level2());
            if (elsewhere != null) {
                level1 = elsewhere;
                level2 = fit(proposed.level2(), tracks.get(elsewhere).keySet());
            } else {
                level2 = key(proposed.level2());
            }
        }
        return new Taxonomy(stage, level1, level2);
    }

    private String trackOf(String level2) {
        for (var track : tracks.entrySet()) if (fit(level2, track.getValue().keySet()) != null) return track.getKey();
        return null;
    }

    /** The seed label whose words equal the proposal's, or which contains it / is contained in it. */
    private static String fit(String proposed, Set<String> labels) {
        String wanted = key(proposed);
        if (wanted.isEmpty()) return null;
        for (String label : labels) if (key(label).equals(wanted)) return label;
        for (String label : labels) {
            String known = key(label);
            if (known.contains(wanted) || wanted.contains(known)) return label;
        }
        return null;
    }

    private static String key(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9%]+", " ").trim()
                .replace("linearization", "linearisation").replace("bigm", "big m");
    }
}
