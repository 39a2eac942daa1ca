package dev.optagent.app.server;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Optional;

/** In front of every API request: the API key (when one is configured), then the per-client rate limit. */
public class ClientGate {

    // A provider: request filters are built at static init, before runtime configuration exists.
    @Inject
    jakarta.inject.Provider<ServerConfig> configuration;

    @Inject
    RateLimiter limiter;

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> check(ContainerRequestContext request, HttpServerRequest http) {
        ServerConfig config = configuration.get();
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/")) return Optional.empty();
        if (config.apiKey().isPresent()) {
            String presented = presentedKey(request.getHeaderString("X-API-Key"), request.getHeaderString("Authorization"), null);
            if (!ApiKeys.matches(config.apiKey().get(), presented)) {
                return Optional.of(ProblemDetailsMappers.response(401, "API key required",
                        "send the key in the X-API-Key header (or Authorization: Bearer KEY)", List.of()));
            }
        }
        String client = config.apiKey().isPresent() ? "key" + http.remoteAddress().host() : http.remoteAddress().host();
        if (!limiter.allow(client)) {
            return Optional.of(Response.fromResponse(ProblemDetailsMappers.response(429, "Too many requests",
                    "at most " + config.rateLimit().perMinute() + " API requests per minute per client; try again shortly", List.of()))
                    .header("Retry-After", "60").build());
        }
        return Optional.empty();
    }

    static String presentedKey(String header, String authorization, String query) {
        if (header != null && !header.isBlank()) return header.trim();
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) return authorization.substring(7).trim();
        return query;
    }
}
