package org.govchat.language;

import java.util.Objects;
import org.springframework.stereotype.Service;

/**
 * The language module's public face: which language a citizen writes, how to make the model answer
 * in it, and a guard that keeps the streamed answer in the right Chinese script.
 */
@Service
public class LanguageService {

    private final ChineseScripts scripts;
    private final LanguageDetector detector;
    private final ReplyInstructions instructions;

    public LanguageService() {
        this.scripts = ChineseScripts.get();
        this.detector = new LanguageDetector(scripts, FeatureLexicon.load(scripts.usedInSimplified()));
        this.instructions = ReplyInstructions.load();
    }

    /**
     * The language of a citizen's text: {@code en}, {@code yue-Hant} (written Cantonese),
     * {@code zh-Hant} or {@code zh-Hans}. Never throws. Text that carries no evidence of any language
     * (empty, emoji, digits, a bare link) is English with confidence 0, and standard Chinese whose
     * script is not evident (你好) is {@code zh-Hant} with a confidence of at most 0.5: for such text,
     * prefer the language the conversation already has. Cantonese written in Simplified characters is {@code zh-Hans}. Only
     * the first {@value LanguageDetector#MAX_ANALYSED_CHARS} characters are read.
     */
    public DetectedLanguage detect(String text) {
        return detector.detect(text);
    }

    /** Sentences to append to the system prompt so that the model answers in this language and script. */
    public String replyInstruction(Language language) {
        return instructions.forLanguage(Objects.requireNonNull(language, "language"));
    }

    /**
     * A fresh guard for one generation answering in this language: it corrects Simplified characters
     * into Traditional for {@code yue-Hant} and {@code zh-Hant}, Traditional into Simplified for
     * {@code zh-Hans}, and passes English through.
     */
    public ScriptGuard scriptGuard(Language language) {
        return switch (Objects.requireNonNull(language, "language")) {
            case EN -> ScriptGuard.passThrough();
            case YUE_HANT, ZH_HANT -> ScriptGuard.toTraditional(scripts);
            case ZH_HANS -> ScriptGuard.toSimplified(scripts);
        };
    }
}
