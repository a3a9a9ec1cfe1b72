package org.govchat.admin;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.govchat.support.MockSignInProvider;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole app on a random port with officers signing in at the in-JVM {@link MockSignInProvider} and two
 * protocol-faithful fake model backends ({@link AdminTestBackends}). Every admin console test class shares
 * this one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({MockSignInProvider.class, AdminTestBackends.class})
public @interface AdminConsoleTest {}
