package org.govchat.staff.assistant;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.govchat.identity.Officer;
import org.govchat.platform.database.PlatformSecrets;
import org.springframework.stereotype.Component;

/**
 * Who owns an officer's conversations with the internal assistant: a keyed hash of the provider's subject,
 * never the subject itself. It starts with {@code s:} where citizens' start with {@code c:}, so a citizen's
 * session can never name an officer's conversation.
 */
@Component
class StaffOwnerRefs {

    private final PlatformSecrets secrets;
    private volatile SecretKeySpec key;

    StaffOwnerRefs(PlatformSecrets secrets) {
        this.secrets = secrets;
    }

    String of(Officer officer) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            return "s:" + HexFormat.of().formatHex(mac.doFinal(officer.subject().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private SecretKeySpec key() {
        var current = key;
        if (current == null) {
            current = new SecretKeySpec(secrets.getOrCreate("staff-owner-ref", 32), "HmacSHA256");
            key = current;
        }
        return current;
    }
}
