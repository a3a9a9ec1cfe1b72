package org.govchat.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole app on a random port, with officers signing in at the in-JVM {@link MockSignInProvider} and
 * an embed origin configured. Test classes with this annotation share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "govchat.embed.allowed-origins=https://www.city.example")
@Import(MockSignInProvider.class)
public @interface IdentityIntegrationTest {}
