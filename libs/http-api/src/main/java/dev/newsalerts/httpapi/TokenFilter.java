package dev.newsalerts.httpapi;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.function.Supplier;

/** Lets a {@link TokenRequired} call through only with the service's {@link ApiToken}. */
@Provider
@TokenRequired
public class TokenFilter implements ContainerRequestFilter {

    /** Looked up when a call needs it: a service with no endpoint that does (the classifier) has no ApiToken. */
    private final Supplier<ApiToken> tokens;

    @Inject
    public TokenFilter(Instance<ApiToken> tokens) {
        this.tokens = tokens::get;
    }

    TokenFilter(ApiToken token) {
        this.tokens = () -> token;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        ApiToken token = tokens.get();
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
