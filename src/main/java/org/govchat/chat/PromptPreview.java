package org.govchat.chat;

import java.util.List;
import org.govchat.language.Language;
import org.govchat.model.ChatTurn;
import org.springframework.stereotype.Component;

/**
 * The prompt a citizen's first question would get under a department prompt that is not saved yet (the
 * admin console's playground): the same composition as a real turn, without any conversation memory.
 */
@Component
public class PromptPreview {

    private final PromptBuilder prompts;

    PromptPreview(PromptBuilder prompts) {
        this.prompts = prompts;
    }

    public List<ChatTurn> firstQuestion(String departmentPrompt, Language language, String question) {
        return List.of(
                ChatTurn.system(prompts.systemPrompt(departmentPrompt, language).strip()), ChatTurn.user(question));
    }
}
