package org.govchat.identity;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.govchat.platform.database.BusyPool;
import org.govchat.platform.database.PlatformSecrets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The anonymous identity of a browser: a random id in an HttpOnly cookie, signed so it cannot be forged,
 * stateless so any replica can verify it. Stored conversations carry only a keyed hash of the id.
 */
@Component
class CitizenCookie {

    static final String NAME = "govchat_citizen";
    private static final Duration LIFETIME = Duration.ofDays(365);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final PlatformSecrets secrets;
    private final BusyPool busyPool;
    private final SecureRandom random = new SecureRandom();
    private volatile SecretKeySpec key;
    // keyed once and only ever copied, never used directly
    private volatile Mac mac;

    CitizenCookie(PlatformSecrets secrets, BusyPool busyPool) {
        this.secrets = secrets;
        this.busyPool = busyPool;
    }

    /** The caller's citizen reference, issuing a new anonymous identity cookie if it has none (or a forged one). */
    CitizenRef resolve(HttpServletRequest request, HttpServletResponse response) {
        var existing = read(request);
        if (existing.isPresent()) {
            return new CitizenRef(ownerRef(existing.get()));
        }
        if (request.getAttribute(NAME) instanceof byte[] issued) {
            return new CitizenRef(ownerRef(issued));
        }
        var id = new byte[16];
        random.nextBytes(id);
        request.setAttribute(NAME, id);
        var cookie = CrossSiteCookies.apply(
                        ResponseCookie.from(NAME, B64.encodeToString(id) + "." + B64.encodeToString(sign("id:", id)))
                                .httpOnly(true)
                                .path("/")
                                .maxAge(LIFETIME),
                        request.isSecure())
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
        return new CitizenRef(ownerRef(id));
    }

    /** The caller's citizen reference if it already has a valid cookie; never issues one. */
    Optional<CitizenRef> existing(HttpServletRequest request) {
        return read(request).map(id -> new CitizenRef(ownerRef(id)));
    }

    private Optional<byte[]> read(HttpServletRequest request) {
        var cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (!NAME.equals(cookie.getName())) {
                continue;
            }
            var parts = cookie.getValue().split("\\.", 2);
            if (parts.length != 2) {
                continue;
            }
            try {
                var id = B64D.decode(parts[0]);
                var signature = B64D.decode(parts[1]);
                if (id.length == 16 && MessageDigest.isEqual(signature, sign("id:", id))) {
                    return Optional.of(id);
                }
            } catch (IllegalArgumentException malformed) {
                // a tampered or truncated cookie: treat the caller as new
            }
        }
        return Optional.empty();
    }

    private String ownerRef(byte[] id) {
        return "c:" + HexFormat.of().formatHex(sign("owner:", id));
    }

    private byte[] sign(String purpose, byte[] id) {
        try {
            // a copy of a keyed MAC skips the provider lookup and key schedule on every request
            var mac = (Mac) keyedMac().clone();
            mac.update(purpose.getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(id);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("HmacSHA256 cannot be copied", e);
        }
    }

    private Mac keyedMac() {
        var current = mac;
        if (current == null) {
            try {
                current = Mac.getInstance("HmacSHA256");
                current.init(key());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 unavailable", e);
            }
            mac = current;
        }
        return current;
    }

    private SecretKeySpec key() {
        var current = key;
        if (current == null) {
            // read once, by the first citizen request after start-up, which may come in a burst
            current = new SecretKeySpec(
                    busyPool.patiently(() -> secrets.getOrCreate("citizen-cookie", 32)), "HmacSHA256");
            key = current;
        }
        return current;
    }
}
