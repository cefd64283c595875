package org.outagedesk.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.outagedesk.base.api.ProblemResponses;
import org.outagedesk.base.AppRoles;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * Two filter chains. {@code /api/**}: HTTP Basic, stateless, no CSRF (tills and scripts, not browsers with a
 * session). Everything else: the console, with form login (the sign-in page is plain HTML, see
 * SignInPageController). Method security (@PreAuthorize only: JSR-250 annotations stay for Vaadin views, not proxies) is on, because the
 * services check roles themselves: the API and the console are protected alike.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfig {

    /**
     * What the console's pages may load (issue 16, hole 7). Vaadin's client needs inline scripts and styles and
     * evaluates the JavaScript the server sends ('unsafe-eval'); everything else comes from this origin only.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval';"
            + " style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:;"
            + " connect-src 'self'; worker-src 'self' blob:; frame-ancestors 'self'; object-src 'none';"
            + " base-uri 'self'; form-action 'self'";

    /** Headers of every answer, console and API alike. */
    static void headers(HttpSecurity http) throws Exception {
        http.headers(h -> h
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .contentTypeOptions(Customizer.withDefaults())
                .frameOptions(f -> f.sameOrigin())
                // written before the request goes on, not when the answer is committed: the console's pages are
                // forwarded to Vaadin's servlet, whose commit the filter does not see (they had none of these)
                .withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                }));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiCredentialsCache credentials) throws Exception {
        headers(http);
        return http.securityMatcher("/api/**")
                .authenticationManager(new ProviderManager(credentials.asProvider()))
                .authorizeHttpRequests(auth -> auth
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/public/**").permitAll()
                        .requestMatchers("/api/users/**", "/api/audit/**").hasRole(AppRoles.INCIDENT_MANAGER)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    if (e instanceof SignInThrottledException throttled) {
                        ProblemResponses.write(response, 429, "Too many requests", "Too many failed sign-ins: try"
                                + " again in " + throttled.retryAfterSeconds() + " seconds",
                                Map.of("Retry-After", String.valueOf(throttled.retryAfterSeconds())));
                        return;
                    }
                    ProblemResponses.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                            "Sign in with HTTP Basic: a username and password of an Outage Desk user",
                            Map.of("WWW-Authenticate", "Basic realm=\"Outage Desk\""));
                }))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
                        ProblemResponses.write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                                "Your role may not do this")))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain consoleChain(HttpSecurity http, AppUserRepository users, UserDetailsService userDetails,
            PasswordEncoder passwordEncoder, SignInThrottle throttle) throws Exception {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(userDetails);
        passwords.setPasswordEncoder(passwordEncoder);
        http.authenticationManager(new ProviderManager(new ThrottledAuthentication(passwords, throttle, "console")));
        http.addFilterAfter(new SessionStillValidFilter(users), SecurityContextHolderFilter.class);
        headers(http);
        // Vaadin leaves the login page out of CSRF protection; the sign-in form sends its own token, so check it
        http.addFilterBefore(new LoginCsrfFilter(), UsernamePasswordAuthenticationFilter.class);
        http.authorizeHttpRequests(auth -> auth
                // the error page reports the caller's own failed request (a 404, 405, 500...): never refuse it
                .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                .requestMatchers("/error").permitAll()
                // the sign-in page with any query (?error, ?throttled=s): form login permits its exact addresses only
                .requestMatchers(HttpMethod.GET, "/login").permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                .requestMatchers("/actuator/**").hasRole(AppRoles.INCIDENT_MANAGER)
                .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                .requestMatchers("/images/**", "/styles/**").permitAll());
        // the sign-in page is plain HTML at /login (SignInPageController), not a Vaadin view: no session before a
        // sign-in; a failed one goes back to it with the reason in the address, not in a session
        // (the page is named here too: this configurer is initialised before Vaadin's, and a form login without a
        // page of its own when initialised switches on Spring's generated sign-in page)
        http.formLogin(form -> form.loginPage("/login").permitAll().failureHandler(new SignInFailureHandler()));
        // an address that is no screen: Vaadin's default refuses it before the servlet (a signed-in person who
        // mistyped one got a 403 problem+json, "Your role may not do this"); signed in, it reaches Vaadin, which shows
        // its PageNotFoundView with the way home (over Vaadin's bootstrap page, whose HTTP status is 200). Anonymous,
        // it still goes to the sign-in page. Screens keep their own access checks (navigation access control) and
        // every controller its @PreAuthorize (ArchitectureTest).
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView("/login")
                .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::authenticated)).build();
    }
}
