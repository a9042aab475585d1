package org.pmpledger.query.dashboard;

import java.io.IOException;
import java.util.List;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import org.pmpledger.web.OpenPaths;

/**
 * The analysts' dashboard: static pages (classpath {@code static/dashboard/}) that read the same API with the caller's
 * own token. The pages hold no data, so they need no token; every one is served under a Content-Security-Policy that
 * lets them load only their own scripts, styles and images and talk only to this service.
 */
@Configuration(proxyBeanMethods = false)
class DashboardPages implements WebMvcConfigurer {

    static final String PATH = "/dashboard";

    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    @Bean
    static OpenPaths dashboardPaths() {
        return new OpenPaths(List.of(PATH, PATH + "/**"));
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController(PATH, PATH + "/");
        registry.addViewController(PATH + "/").setViewName("forward:" + PATH + "/index.html");
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> dashboardHeaders() {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(
                            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                            throws ServletException, IOException {
                        response.setHeader("Content-Security-Policy", POLICY);
                        response.setHeader("X-Content-Type-Options", "nosniff");
                        response.setHeader("Referrer-Policy", "no-referrer");
                        response.setHeader("Cache-Control", "no-cache");
                        chain.doFilter(request, response);
                    }
                });
        registration.addUrlPatterns(PATH, PATH + "/*");
        return registration;
    }
}
