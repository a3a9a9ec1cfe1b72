package org.govchat.language;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Public: anyone may ask which language a text is in. */
@RestController
@RequestMapping("/api/v1/language")
class LanguageController {

    static final int MAX_TEXT_LENGTH = 4_000;

    private final LanguageService languages;

    LanguageController(LanguageService languages) {
        this.languages = languages;
    }

    /** @param text at most {@value #MAX_TEXT_LENGTH} UTF-16 code units */
    record LanguageDetectRequest(
            @NotBlank @Size(max = MAX_TEXT_LENGTH) String text) {}

    /** @param language the tag: {@code en}, {@code yue-Hant}, {@code zh-Hant} or {@code zh-Hans} */
    record LanguageDetectResponse(Language language, double confidence) {}

    @PostMapping("/detect")
    LanguageDetectResponse detect(@Valid @RequestBody LanguageDetectRequest request) {
        var detected = languages.detect(request.text());
        return new LanguageDetectResponse(detected.language(), detected.confidence());
    }
}
