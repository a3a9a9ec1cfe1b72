package org.govchat.conversation;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Chat memory read straight from the message table, keyed by conversation id. The table is the only
 * truth: a turn writes its own rows, so the store ignores LangChain4j's write-backs (a window evicting old
 * messages must not erase a citizen's history).
 */
@Component
class PostgresChatMemoryStore implements ChatMemoryStore {

    /** More than any memory budget a profile may set (the schema caps it at 200). */
    static final int MAX_MESSAGES = 200;

    private final Conversations conversations;

    PostgresChatMemoryStore(Conversations conversations) {
        this.conversations = conversations;
    }

    @Override
    public List<ChatMessage> getMessages(Object memoryId) {
        return conversations.memory(toId(memoryId), MAX_MESSAGES).stream()
                .map(PostgresChatMemoryStore::toChatMessage)
                .toList();
    }

    @Override
    public void updateMessages(Object memoryId, List<ChatMessage> messages) {
        // rows are written by the turn itself; see the class comment
    }

    @Override
    public void deleteMessages(Object memoryId) {
        // erasing history is Conversations.delete, with its ownership check, never a side effect of memory
    }

    private static ChatMessage toChatMessage(Conversations.MemoryRow row) {
        return switch (row.role()) {
            case USER -> UserMessage.from(row.content());
            case ASSISTANT, STAFF, SYSTEM -> AiMessage.from(row.content());
        };
    }

    private static UUID toId(Object memoryId) {
        return memoryId instanceof UUID uuid ? uuid : UUID.fromString(memoryId.toString());
    }
}
