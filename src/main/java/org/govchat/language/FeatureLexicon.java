package org.govchat.language;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.ibm.icu.text.Transliterator;
import com.ibm.icu.text.UnicodeSet;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Cantonese and standard-Chinese feature words, matched longest first so that a neutral word (關係)
 * shadows the feature character inside it (係). The words live in {@code language/feature-words.txt}.
 */
final class FeatureLexicon {

    enum Side {
        CANTONESE,
        STANDARD,
        NEUTRAL
    }

    record Feature(String word, Side side, int weight) {}

    /** Summed weights of the Cantonese and of the standard-Chinese feature words found. */
    record Score(int cantonese, int standard) {}

    static final String RESOURCE = "language/feature-words.txt";

    private static final Pattern SECTION = Pattern.compile("\\[(?:(yue|zh) ([1-9])|neutral)]");

    private final Map<Integer, Feature[]> byFirstCodePoint;

    private FeatureLexicon(Map<Integer, Feature[]> byFirstCodePoint) {
        this.byFirstCodePoint = byFirstCodePoint;
    }

    static FeatureLexicon load(UnicodeSet commonSimplifiedCharacters) {
        var explicit = parse(RESOURCE);
        var all = new LinkedHashMap<>(explicit);
        var toSimplified = Transliterator.getInstance(ChineseScripts.TRADITIONAL_TO_SIMPLIFIED);
        for (var feature : explicit.values()) {
            var simplified = toSimplified.transliterate(feature.word());
            // 係 is written 系 in Simplified, but 系 also writes 系統 and 中文系: a single character
            // that Simplified text uses anyway cannot be a feature of Simplified text.
            boolean ambiguous = simplified.codePointCount(0, simplified.length()) == 1
                    && commonSimplifiedCharacters.contains(simplified);
            if (!ambiguous) {
                all.putIfAbsent(simplified, new Feature(simplified, feature.side(), feature.weight()));
            }
        }
        var grouped = new HashMap<Integer, List<Feature>>();
        for (var feature : all.values()) {
            grouped.computeIfAbsent(feature.word().codePointAt(0), first -> new ArrayList<>())
                    .add(feature);
        }
        var index = new HashMap<Integer, Feature[]>();
        grouped.forEach((first, features) -> index.put(
                first,
                features.stream()
                        .sorted(Comparator.comparingInt((Feature f) -> f.word().length())
                                .reversed())
                        .toArray(Feature[]::new)));
        return new FeatureLexicon(Map.copyOf(index));
    }

    Score score(String text, int limit) {
        int cantonese = 0;
        int standard = 0;
        int i = 0;
        while (i < limit) {
            int codePoint = text.codePointAt(i);
            var candidates = byFirstCodePoint.get(codePoint);
            int advance = Character.charCount(codePoint);
            if (candidates != null) {
                for (var feature : candidates) {
                    if (text.startsWith(feature.word(), i)) {
                        switch (feature.side()) {
                            case CANTONESE -> cantonese += feature.weight();
                            case STANDARD -> standard += feature.weight();
                            case NEUTRAL -> {}
                        }
                        advance = feature.word().length();
                        break;
                    }
                }
            }
            i += advance;
        }
        return new Score(cantonese, standard);
    }

    private static Map<String, Feature> parse(String resource) {
        var features = new LinkedHashMap<String, Feature>();
        var stream = FeatureLexicon.class.getClassLoader().getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException("Missing resource " + resource);
        }
        try (var reader = new BufferedReader(new InputStreamReader(stream, UTF_8))) {
            Side side = null;
            int weight = 0;
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                var section = SECTION.matcher(line);
                if (section.matches()) {
                    side = section.group(1) == null
                            ? Side.NEUTRAL
                            : section.group(1).equals("yue") ? Side.CANTONESE : Side.STANDARD;
                    weight = section.group(2) == null ? 0 : Integer.parseInt(section.group(2));
                    continue;
                }
                if (side == null) {
                    throw new IllegalStateException(resource + ": words before the first section: " + line);
                }
                for (var word : line.split("\\s+")) {
                    var previous = features.put(word, new Feature(word, side, weight));
                    if (previous != null) {
                        throw new IllegalStateException(resource + ": " + word + " is listed twice");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return features;
    }
}
