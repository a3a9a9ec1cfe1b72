package org.govchat.chat;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.govchat.conversation.Channel;
import org.govchat.department.AssistantProfileView;
import org.govchat.language.Language;
import org.govchat.language.LanguageService;
import org.govchat.model.ChatTurn;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Step 4 of a turn: the prompt. The platform's guidance (for answering citizens, or for helping an officer
 * of the department in the staff portal), the department's own system prompt and the instruction to answer
 * in the asker's language, then the conversation so far (read from PostgreSQL, bounded by the profile's
 * memory budget) ending with the new question.
 */
@Component
class PromptBuilder {

    private final ChatMemoryStore memoryStore;
    private final LanguageService languages;
    private final String citizenGuidance;
    private final String staffGuidance;

    PromptBuilder(ChatMemoryStore memoryStore, LanguageService languages) {
        this.memoryStore = memoryStore;
        this.languages = languages;
        this.citizenGuidance = read("prompts/citizen-guidance.txt");
        this.staffGuidance = read("prompts/staff-guidance.txt");
    }

    List<ChatTurn> build(AssistantProfileView profile, Language language, UUID conversationId, Channel channel) {
        var system = systemPrompt(channel, profile.systemPrompt(), language);
        var memory = MessageWindowChatMemory.builder()
                .id(conversationId)
                .maxMessages(Math.max(1, profile.memoryMessages()))
                .chatMemoryStore(memoryStore)
                .build();
        var turns = new ArrayList<ChatTurn>();
        turns.add(ChatTurn.system(system.strip()));
        for (ChatMessage message : memory.messages()) {
            switch (message) {
                case UserMessage user -> turns.add(ChatTurn.user(user.singleText()));
                case AiMessage ai -> turns.add(ChatTurn.assistant(ai.text()));
                default -> {
                    // system messages are not stored as memory
                }
            }
        }
        return List.copyOf(turns);
    }

    /** The platform's guidance for citizens, the department's prompt and the reply-language instruction. */
    String systemPrompt(String departmentPrompt, Language language) {
        return systemPrompt(Channel.CITIZEN, departmentPrompt, language);
    }

    /** The platform's guidance for the channel, the department's prompt and the reply-language instruction. */
    String systemPrompt(Channel channel, String departmentPrompt, Language language) {
        var guidance = channel == Channel.STAFF ? staffGuidance : citizenGuidance;
        return String.join(
                "\n\n",
                guidance.strip(),
                departmentPrompt.strip(),
                languages.replyInstruction(language).strip());
    }

    private static String read(String resource) {
        try (var in = new ClassPathResource(resource).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Missing prompt resource " + resource, e);
        }
    }
}
