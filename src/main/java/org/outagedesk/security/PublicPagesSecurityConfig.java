package org.outagedesk.security;

import com.vaadin.flow.spring.security.VaadinDefaultRequestCache;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.savedrequest.CookieRequestCache;

/**
 * The public advisory ({@code /advisory}, {@code /advisory/**}, {@code /advisory.atom}) and {@code /api/public/**}:
 * read by anyone, hundreds of thousands at a time during an outage. Stateless: no session, no saved request, no CSRF
 * token (GET and HEAD only, nothing to forge), and no {@code Cache-Control: no-store}, so that the advisory's own
 * caching headers reach caches and CDNs. A content security policy without scripts: the pages need none.
 * <p>
 * And for the console: an anonymous visitor sent to the sign-in page from a deep link gets the link kept in a cookie
 * ({@link CookieRequestCache}) instead of a new HTTP session, so that nobody costs a session before signing in.
 */
@Configuration(proxyBeanMethods = false)
class PublicPagesSecurityConfig {

    static final String[] PUBLIC_PATHS = {"/advisory", "/advisory/**", "/advisory.atom", "/api/public/**"};

    @Bean
    @Order(0)
    SecurityFilterChain publicPagesChain(HttpSecurity http) throws Exception {
        return http.securityMatcher(PUBLIC_PATHS)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET).permitAll()
                        .requestMatchers(HttpMethod.HEAD).permitAll()
                        .anyRequest().denyAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers
                        .cacheControl(cache -> cache.disable())
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; style-src 'self'; "
                                + "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")))
                .build();
    }

    /** The console's saved request (where to go after signing in) lives in a cookie, not in a new session. */
    @Bean
    static BeanPostProcessor savedRequestInACookie() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof VaadinDefaultRequestCache cache) {
                    cache.setDelegateRequestCache(new CookieRequestCache());
                }
                return bean;
            }
        };
    }
}
