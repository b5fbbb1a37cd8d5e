package dev.vigil.probes;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The URLs one check went through, starting with the configured one. */
final class RedirectChain {
    private static final Set<Integer> REDIRECT_STATUSES = Set.of(301, 302, 303, 307, 308);

    private final List<URI> visited = new ArrayList<>();

    RedirectChain(URI start) {
        visited.add(start.normalize());
    }

    static boolean isRedirect(int status) {
        return REDIRECT_STATUSES.contains(status);
    }

    /** Resolves a Location header, which may be relative, against the URL that sent it. */
    static URI resolve(URI base, String location) throws URISyntaxException {
        // URI.resolve glues a relative path straight onto an empty base path ("http://h" + "a" = "http://ha").
        URI rooted = base.getRawPath() == null || base.getRawPath().isEmpty()
                ? new URI(base.getScheme() + "://" + base.getRawAuthority() + "/")
                : base;
        return rooted.resolve(new URI(location.strip())).normalize();
    }

    URI current() {
        return visited.get(visited.size() - 1);
    }

    int redirectsFollowed() {
        return visited.size() - 1;
    }

    boolean wouldLoop(URI next) {
        return visited.contains(next);
    }

    void follow(URI next) {
        visited.add(next);
    }

    /** "/a → /b → /a": paths alone while on the starting site, whole URLs elsewhere. */
    String describeWith(URI next) {
        return Stream.concat(visited.stream(), Stream.of(next))
                .map(this::shortForm)
                .collect(Collectors.joining(" → "));
    }

    private String shortForm(URI url) {
        URI start = visited.get(0);
        boolean sameSite = Objects.equals(url.getScheme(), start.getScheme())
                && Objects.equals(url.getRawAuthority(), start.getRawAuthority());
        if (!sameSite) {
            return url.toString();
        }
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }
}
