package dev.newsalerts.httpapi;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/** Lets a {@link TokenRequired} call through only with the service's {@link ApiToken}. */
@Provider
@TokenRequired
public class TokenFilter implements ContainerRequestFilter {

    private final ApiToken token;

    public TokenFilter(ApiToken token) {
        this.token = token;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!token.isConfigured()) {
            request.abortWith(refusal(token.offMessage()));
        } else if (!token.acceptsHeader(request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
            request.abortWith(refusal("send the API token as 'Authorization: Bearer <token>'"));
        }
    }

    private static Response refusal(String message) {
        return Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED, message).response())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }
}
