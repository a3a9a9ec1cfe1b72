package org.govchat.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole app on a random port for the staff portal's tests: officers sign in at the in-JVM
 * {@link MockSignInProvider}, the assistant answers from the {@link FakeModelBackend}, and overdue handoffs
 * are swept every 200 ms. Test classes with this annotation share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"govchat.handoff.sweep-interval=200ms", "govchat.chat.flush-interval=100ms"})
@Import({MockSignInProvider.class, FakeModelBackend.class})
public @interface StaffIntegrationTest {}
