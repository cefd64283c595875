package org.outagedesk.security;

import jakarta.servlet.http.HttpServletResponse;
import org.outagedesk.base.AppRoles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /actuator/**} for monitoring: HTTP Basic like the API, stateless. Health and info answer everyone (the
 * status only); an incident manager's credentials add the details (the data folder's size, the last backup);
 * every other actuator endpoint is for incident managers.
 */
@Configuration
class ActuatorSecurityConfig {

    @Bean
    @Order(0)
    SecurityFilterChain actuatorChain(HttpSecurity http, ApiCredentialsCache credentials) throws Exception {
        return http.securityMatcher("/actuator/**")
                .authenticationManager(new ProviderManager(credentials.asProvider()))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .anyRequest().hasRole(AppRoles.INCIDENT_MANAGER))
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"Outage Desk\"");
                    response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                }))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
