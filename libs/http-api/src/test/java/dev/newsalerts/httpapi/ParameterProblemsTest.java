package dev.newsalerts.httpapi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.lang.reflect.Method;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterProblemsTest {

    @SuppressWarnings("unused")
    static void deliveries(@PathParam("id") String id, @QueryParam("limit") int limit, @QueryParam("since") Long since) {
    }

    @Test
    void theParameterWhoseValueIsNotOfItsTypeIsNamed() throws Exception {
        assertThat(detail(Map.of("limit", "10", "since", "soon"), new NumberFormatException("For input string: \"soon\"")))
                .isEqualTo("query parameter since: expected a whole number, not \"soon\"");
        assertThat(detail(Map.of("limit", "abc"), new NumberFormatException("For input string: \"abc\"")))
                .isEqualTo("query parameter limit: expected a whole number, not \"abc\"");
    }

    @Test
    void whenNoParameterIsFoundTheCauseIsGiven() throws Exception {
        assertThat(detail(Map.of("limit", "5"), new IllegalStateException("converter failed")))
                .isEqualTo("a query or path parameter could not be read: converter failed");
    }

    private static String detail(Map<String, String> query, Throwable cause) throws NoSuchMethodException {
        Method method = ParameterProblemsTest.class.getDeclaredMethod("deliveries", String.class, int.class, Long.class);
        MultivaluedHashMap<String, String> queryParameters = new MultivaluedHashMap<>();
        query.forEach(queryParameters::add);
        MultivaluedHashMap<String, String> path = new MultivaluedHashMap<>();
        path.add("id", "sub-1");
        return ParameterProblems.detail(method, queryParameters, path, cause);
    }
}
