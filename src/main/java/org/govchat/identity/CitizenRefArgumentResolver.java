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

/**
 * Lets controllers take a {@link CitizenRef} parameter (the anonymous citizen, issuing their cookie if
 * needed) or an {@link Officer} parameter (the signed-in officer, else a 401 problem).
 */
@Configuration(proxyBeanMethods = false)
class CitizenRefArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    private final CitizenCookie cookie;
    private final Officers officers;

    CitizenRefArgumentResolver(CitizenCookie cookie, Officers officers) {
        this.cookie = cookie;
        this.officers = officers;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CitizenRef.class || parameter.getParameterType() == Officer.class;
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        if (parameter.getParameterType() == Officer.class) {
            return officers.require();
        }
        return cookie.resolve(
                webRequest.getNativeRequest(HttpServletRequest.class),
                webRequest.getNativeResponse(HttpServletResponse.class));
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }
}
