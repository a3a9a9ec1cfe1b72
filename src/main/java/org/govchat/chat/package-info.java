/**
 * One chat turn and its streaming to the citizen: validation, language, persistence, prompt, generation,
 * SSE delivery, resume and cancel. See {@link org.govchat.chat.TurnPipeline} for the steps in order.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Chat")
package org.govchat.chat;
