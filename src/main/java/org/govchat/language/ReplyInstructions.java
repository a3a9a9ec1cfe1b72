package org.govchat.language;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/** The system-prompt sentences that make the model answer in a language, read from a resource file. */
final class ReplyInstructions {

    static final String RESOURCE = "language/reply-instructions.properties";

    private final Map<Language, String> instructions;

    private ReplyInstructions(Map<Language, String> instructions) {
        this.instructions = instructions;
    }

    /** Fails at start-up, not in a chat turn, when a language has no instruction. */
    static ReplyInstructions load() {
        var stream = ReplyInstructions.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (stream == null) {
            throw new IllegalStateException("Missing resource " + RESOURCE);
        }
        var properties = new Properties();
        try (var reader = new InputStreamReader(stream, UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var instructions = new EnumMap<Language, String>(Language.class);
        for (var language : Language.values()) {
            var instruction = properties.getProperty(language.tag());
            if (instruction == null || instruction.isBlank()) {
                throw new IllegalStateException(RESOURCE + " has no instruction for " + language.tag());
            }
            instructions.put(language, instruction.strip());
        }
        return new ReplyInstructions(instructions);
    }

    String forLanguage(Language language) {
        return instructions.get(language);
    }
}
