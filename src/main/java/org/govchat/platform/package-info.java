/**
 * Cross-cutting plumbing every module leans on: the embedded database, problem details, locales and the
 * single-page app. It knows nothing of departments or chats.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Platform",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.govchat.platform;
