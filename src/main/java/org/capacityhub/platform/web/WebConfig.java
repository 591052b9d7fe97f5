package org.capacityhub.platform.web;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

@Configuration
class WebConfig implements WebMvcConfigurer {

    private final MessageSource messages;
    private final DataSize maxRequest;

    WebConfig(MessageSource messages, @Value("${spring.servlet.multipart.max-request-size:1MB}") DataSize maxRequest) {
        this.messages = messages;
        this.maxRequest = maxRequest;
    }

    @Bean
    LocaleResolver localeResolver() {
        return new PlatformLocaleResolver();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }

    /**
     * An API upload above the server's multipart limit: a problem document ({@link ApiUploadLimitResolver}), tried
     * after the {@code @ExceptionHandler} methods and before Spring's default resolution (a bare 413).
     */
    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        int after = 0;
        for (int i = 0; i < resolvers.size(); i++) {
            if (resolvers.get(i) instanceof ExceptionHandlerExceptionResolver) {
                after = i + 1;
            }
        }
        resolvers.add(after, new ApiUploadLimitResolver(messages, maxRequest));
    }
}
