package org.govchat.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what. Citizens are anonymous (their signed cookie only says which conversations are
 * theirs); officers sign in through OIDC and their roles guard {@code /api/v1/admin/**} and
 * {@code /api/v1/staff/**}; department boundaries are checked in services and queries
 * ({@link DepartmentAccess}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({IdentityProperties.class, EmbedProperties.class})
class SecurityConfiguration {

    private static final String[] CITIZEN_API = {
        "/api/v1/departments/**", "/api/v1/conversations/**", "/api/v1/messages/**", "/api/v1/language/**"
    };
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors ";

    /**
     * No observation per security filter, authentication or authorization: wrapping each of the chain's
     * filters costs CPU on every request (measured on the chat benchmark) and adds nothing the HTTP server
     * metrics lack.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            IdentityProperties identity,
            EmbedProperties embed,
            SecurityProblems problems,
            RateLimits rateLimits,
            CitizenCookie citizens,
            ApplicationEventPublisher events,
            JsonMapper json)
            throws Exception {
        var signInConfigured = identity.oidc().configured();
        RequestMatcher api = path("/api/**");
        RequestMatcher pages = new OrRequestMatcher(path("/admin/**"), path("/staff/**"));
        RequestMatcher embedded = SecurityConfiguration::isEmbedRoute;
        var requestCache = new HttpSessionRequestCache();
        // only page visits are worth coming back to after sign-in; anything else must not create a session
        requestCache.setRequestMatcher(new OrRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/admin/**"),
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/staff/**")));

        var csrfTokens = CrossSiteCookies.csrfTokens();
        // language detection is a pure function of its input: it changes nothing a forged request could abuse
        http.csrf(csrf -> csrf.spa()
                        .csrfTokenRepository(csrfTokens)
                        .ignoringRequestMatchers(PathPatternRequestMatcher.withDefaults()
                                .matcher(HttpMethod.POST, "/api/v1/language/detect")))
                .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
                .cors(cors -> cors.disable()) // no cross-origin caller is allowed, so no CORS headers are sent
                .headers(headers -> headers
                        // written when the request comes in, not when the response commits: a streamed
                        // answer commits on its writer thread while the request thread leaves the filter
                        // chain, and two threads writing headers at once corrupt the response
                        .withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                            @Override
                            public <O extends HeaderWriterFilter> O postProcess(O filter) {
                                filter.setShouldWriteHeadersEagerly(true);
                                return filter;
                            }
                        })
                        .frameOptions(frame -> frame.disable())
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(embedded),
                                new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(embedded),
                                new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY + "'none'")))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                embedded,
                                new StaticHeadersWriter(
                                        "Content-Security-Policy",
                                        CONTENT_SECURITY_POLICY
                                                + (embed.allowedOrigins().isEmpty()
                                                        ? "'none'"
                                                        : String.join(" ", embed.allowedOrigins())))))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true)
                                .maxAgeInSeconds(Duration.ofDays(365).toSeconds())))
                .requestCache(cache -> cache.requestCache(requestCache))
                .exceptionHandling(exceptions -> {
                    exceptions.defaultAuthenticationEntryPointFor(problems.unauthenticated(signInConfigured), api);
                    if (signInConfigured) {
                        exceptions.defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint(SignIn.LOGIN_PATH), pages);
                    }
                    exceptions.defaultAuthenticationEntryPointFor(
                            problems.unauthenticated(signInConfigured), AnyRequestMatcher.INSTANCE);
                    exceptions.accessDeniedHandler(problems::accessDenied);
                })
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/api/v1/admin/audit", "/api/v1/admin/audit/**")
                            .hasRole(OfficerRole.PLATFORM_ADMIN.name())
                            .requestMatchers("/api/v1/admin/**")
                            .hasAnyRole(OfficerRole.PLATFORM_ADMIN.name(), OfficerRole.DEPT_ADMIN.name())
                            .requestMatchers("/api/v1/staff/**")
                            .hasAnyRole(
                                    OfficerRole.PLATFORM_ADMIN.name(),
                                    OfficerRole.DEPT_ADMIN.name(),
                                    OfficerRole.STAFF.name())
                            .requestMatchers(CITIZEN_API)
                            .permitAll()
                            // metrics name backends, models and load: only the operator's scraper reads them
                            .requestMatchers("/actuator/prometheus", "/actuator/prometheus/**")
                            .access((authentication, context) ->
                                    new AuthorizationDecision(identity.isMetricsScraper(context.getRequest())));
                    if (signInConfigured) {
                        // without sign-in the pages load and explain that it is not configured
                        requests.requestMatchers(SignIn.FAILURE_PATH)
                                .permitAll()
                                .requestMatchers(pages)
                                .authenticated();
                    }
                    requests.anyRequest().permitAll();
                })
                .addFilterAfter(new RateLimitFilter(rateLimits, citizens, problems), AuthorizationFilter.class);

        if (signInConfigured) {
            var registrations = new OidcClientRegistrations(identity.oidc());
            var signIn = new SignIn(new OfficerClaims(identity.claims()), events, json);
            http.oauth2Login(login -> login.clientRegistrationRepository(registrations)
                            // tokens stay in the (JDBC) session, so any replica can serve the officer
                            .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                            .loginPage(SignIn.LOGIN_PATH)
                            .userInfoEndpoint(userInfo -> userInfo.oidcUserService(signIn.userService()))
                            .successHandler(signIn.successHandler(requestCache))
                            .failureHandler(signIn.failureHandler()))
                    .logout(logout -> logout.addLogoutHandler(signIn.auditingLogoutHandler())
                            .logoutSuccessHandler(signIn.logoutSuccessHandler(registrations)));
        } else {
            var toStart = new SimpleUrlLogoutSuccessHandler();
            toStart.setDefaultTargetUrl("/");
            toStart.setRedirectStrategy(SignIn.jsonOrRedirect(json));
            http.logout(logout -> logout.logoutSuccessHandler(toStart));
        }
        return http.build();
    }

    /**
     * The embed route as the browser asked for it: its page is served by a forward to {@code index.html} (or
     * an error dispatch), and the headers are written then, so the original address is what counts.
     */
    private static boolean isEmbedRoute(HttpServletRequest request) {
        var original = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        if (original == null) {
            original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        }
        var uri = original instanceof String forwarded ? forwarded : request.getRequestURI();
        return uri.startsWith(request.getContextPath() + "/embed/");
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    /**
     * The single-page app reads the CSRF token from the {@code XSRF-TOKEN} cookie; touching the deferred
     * token makes sure every response carries one.
     */
    static final class CsrfCookieFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}
