package io.allice.platform.integrations;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.util.List;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/**
 * Stubs of GitHub's REST API in its real wire format: {@code GET /user}, {@code GET /user/repos}
 * with {@code Link} pagination, and GitHub's error bodies. Every stub requires the token it is
 * given, so a request with another token gets no stubbed response.
 */
final class GitHubStandIn {

    static final String BAD_CREDENTIALS = """
            {"message": "Bad credentials", "documentation_url": "https://docs.github.com/rest", "status": "401"}""";

    private final WireMockServer server;

    GitHubStandIn(WireMockServer server) {
        this.server = server;
    }

    /** A repository as {@code GET /user/repos} lists it, with the fields a sync reads and a few more. */
    record Repo(long id, String fullName, String description, String updatedAt) {

        String json() {
            String name = fullName.substring(fullName.indexOf('/') + 1);
            String owner = fullName.substring(0, fullName.indexOf('/'));
            return """
                    {"id": %d, "node_id": "R_kgDO%d", "name": "%s", "full_name": "%s", "private": false,
                     "owner": {"login": "%s", "id": 583231, "type": "User"},
                     "html_url": "https://github.com/%s", "description": %s, "fork": false,
                     "url": "https://api.github.com/repos/%s", "created_at": "2020-01-01T00:00:00Z",
                     "updated_at": "%s", "pushed_at": "%s", "language": "Java", "stargazers_count": 3,
                     "default_branch": "main", "visibility": "public", "topics": ["allice"]}"""
                    .formatted(id, id, name, fullName, owner, fullName,
                            description == null ? "null" : "\"" + description + "\"", fullName, updatedAt, updatedAt);
        }
    }

    void knowsToken(String token, String login) {
        server.stubFor(get(urlPathEqualTo("/user")).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson("""
                        {"login": "%s", "id": 583231, "type": "User", "name": "The Octocat"}""".formatted(login))));
    }

    void rejectsToken(String token) {
        server.stubFor(get(urlPathEqualTo("/user")).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(badCredentials()));
    }

    /**
     * Serves the repositories in pages; each page but the last links to the next one, as GitHub
     * does, and {@code since} must be absent.
     */
    void servesRepos(String token, List<List<Repo>> pages) {
        for (int index = 0; index < pages.size(); index++) {
            int page = index + 1;
            MappingBuilder request = reposRequest(token, page);
            if (page == 1) {
                request.withQueryParam("since", absent());
            }
            server.stubFor(request.willReturn(page(pages.get(index), page, pages.size())));
        }
    }

    /** Serves one page of repositories for requests whose {@code since} is the given time. */
    void servesReposSince(String token, String since, List<Repo> repos) {
        server.stubFor(reposRequest(token, 1).withQueryParam("since", equalTo(since)).atPriority(1)
                .willReturn(page(repos, 1, 1)));
    }

    MappingBuilder reposRequest(String token, int page) {
        MappingBuilder request = get(urlPathEqualTo("/user/repos"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .withHeader("X-GitHub-Api-Version", equalTo("2022-11-28"))
                .withQueryParam("per_page", equalTo("100"));
        return page == 1 ? request.withQueryParam("page", absent()) : request.withQueryParam("page", equalTo(String.valueOf(page)));
    }

    ResponseDefinitionBuilder page(List<Repo> repos, int page, int last) {
        ResponseDefinitionBuilder response = okJson(repos.stream().map(Repo::json).collect(Collectors.joining(",", "[", "]")))
                .withHeader("x-ratelimit-limit", "5000").withHeader("x-ratelimit-remaining", "4990");
        if (page < last) {
            String base = "http://127.0.0.1:" + server.port() + "/user/repos?per_page=100&sort=updated&direction=desc&page=";
            response.withHeader("Link", "<" + base + (page + 1) + ">; rel=\"next\", <" + base + last + ">; rel=\"last\"");
        }
        return response;
    }

    static ResponseDefinitionBuilder badCredentials() {
        return aResponse().withStatus(401).withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(BAD_CREDENTIALS);
    }
}
