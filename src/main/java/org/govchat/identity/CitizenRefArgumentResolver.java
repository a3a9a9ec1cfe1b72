package org.govchat.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets controllers take a {@link CitizenRef} parameter. */
@Configuration(proxyBeanMethods = false)
class CitizenRefArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    private final CitizenCookie cookie;

    CitizenRefArgumentResolver(CitizenCookie cookie) {
        this.cookie = cookie;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CitizenRef.class;
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        return cookie.resolve(
                webRequest.getNativeRequest(HttpServletRequest.class),
                webRequest.getNativeResponse(HttpServletResponse.class));
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }
}
