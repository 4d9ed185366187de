package dev.newsalerts.httpapi;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answer as RFC 9457 has it: {@code application/problem+json} with {@code type}, {@code title}
 * (the reason phrase), {@code status} and {@code detail} (the field and the problem). The body also
 * carries the detail as {@code error}, an extension member, for clients that read the services' errors
 * before they were problem documents.
 *
 * @param type a URI naming the kind of problem; {@code about:blank} when the status says it all
 */
public record Problem(String type, String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String ABOUT_BLANK = "about:blank";

    /** A problem of no particular type, titled by the status's reason phrase. */
    public static Problem of(Response.StatusType status, String detail) {
        return new Problem(ABOUT_BLANK, status.getReasonPhrase(), status.getStatusCode(), detail);
    }

    public static Problem of(int status, String detail) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return new Problem(ABOUT_BLANK, known != null ? known.getReasonPhrase() : "HTTP " + status, status, detail);
    }

    /** The JSON members, in the order RFC 9457 lists them. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("error", detail);
        return body;
    }

    public Response response() {
        return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(body()).build();
    }

    /** This problem as the answer of an exception to throw from a resource. */
    public WebApplicationException exception() {
        return new WebApplicationException(detail, response());
    }
}
