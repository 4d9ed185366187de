package dev.newsalerts.httpapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TokenFilterTest {

    private static final String OFF = "changing feeds through the API is off until poller.api-token is set";

    @Test
    void withNoTokenConfiguredEveryChangeIsRefusedSayingWhichKeyToSet() {
        Response refusal = filter(Optional.empty(), "Bearer anything");

        assertThat(refusal.getStatus()).isEqualTo(401);
        assertThat(refusal.getMediaType()).hasToString("application/problem+json");
        assertThat(refusal.getHeaderString("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(refusal.getEntity()).asInstanceOf(MAP)
                .containsEntry("status", 401)
                .containsEntry("detail", "changing feeds through the API is off until poller.api-token is set")
                .containsEntry("error", "changing feeds through the API is off until poller.api-token is set");
    }

    @Test
    void aBlankTokenCountsAsNoToken() {
        assertThat(filter(Optional.of("  "), "Bearer   ").getStatus()).isEqualTo(401);
    }

    @Test
    void onlyTheConfiguredBearerTokenGetsThrough() {
        assertThat(filter(Optional.of("s3cret"), "Bearer s3cret")).isNull();
        assertThat(filter(Optional.of("s3cret"), "bearer s3cret")).isNull();
        assertThat(filter(Optional.of("s3cret"), "Bearer s3cret-and-more").getStatus()).isEqualTo(401);
        assertThat(filter(Optional.of("s3cret"), "Basic s3cret").getStatus()).isEqualTo(401);
        assertThat(filter(Optional.of("s3cret"), null).getStatus()).isEqualTo(401);
    }

    /** Runs the filter on a request with this Authorization header; the response it aborted with, or null. */
    private static Response filter(Optional<String> token, String authorization) {
        AtomicReference<Response> aborted = new AtomicReference<>();
        ContainerRequestContext request = (ContainerRequestContext) Proxy.newProxyInstance(
                ContainerRequestContext.class.getClassLoader(), new Class<?>[] {ContainerRequestContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getHeaderString" -> "Authorization".equals(args[0]) ? authorization : null;
                    case "abortWith" -> {
                        aborted.set((Response) args[0]);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        new TokenFilter(new ApiToken(token, OFF)).filter(request);
        return aborted.get();
    }
}
