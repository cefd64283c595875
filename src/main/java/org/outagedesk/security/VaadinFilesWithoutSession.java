package org.outagedesk.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Vaadin's servlet serves its files under {@code /VAADIN/} without a session, but answers a file that does not exist
 * ("not found") only after creating an HTTP session, for a visitor who never signed in too: anybody could fill the
 * heap with sessions by asking for made-up file names (issue 20). This filter drops such a session at the end of the
 * request that created it, when nobody signed in with it: it holds nothing, and nothing is kept for it. (Tomcat still
 * counts it, and the answer still names it in a cookie that leads nowhere; making Vaadin answer without one would
 * mean replacing its static file handling.)
 */
@Configuration(proxyBeanMethods = false)
class VaadinFilesWithoutSession {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> dropAnonymousSessionsOfVaadinFiles() {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                boolean hadSession = request.getSession(false) != null;
                try {
                    chain.doFilter(request, response);
                } finally {
                    HttpSession created = hadSession ? null : request.getSession(false);
                    if (created != null && created.getAttribute(
                            HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) == null) {
                        try {
                            created.invalidate();
                        } catch (IllegalStateException alreadyInvalid) {
                            // gone already: nothing to drop
                        }
                    }
                }
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/VAADIN/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
