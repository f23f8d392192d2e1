package dev.tidesync.git;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.Test;

/** "Open remote in browser": the forge's page for a remote URL, never with credentials. */
class RemoteWebPageTest {

    static String page(String url) throws Exception {
        return RemoteUrl.webPage(new URIish(url)).map(Object::toString).orElse("none");
    }

    @Test
    void scpStyleAndSshUrlsBecomeHttpsPagesOnTheSameHost() throws Exception {
        assertThat(page("git@github.com:me/notes.git")).isEqualTo("https://github.com/me/notes");
        assertThat(page("ssh://git@gitlab.example.com:2222/group/sub/project.git")).isEqualTo("https://gitlab.example.com/group/sub/project");
    }

    @Test
    void httpUrlsKeepSchemeAndPortButLoseTheirCredentials() throws Exception {
        assertThat(page("https://hana:s3cret@github.com/me/notes.git/")).isEqualTo("https://github.com/me/notes");
        assertThat(page("http://127.0.0.1:8080/git/r.git")).isEqualTo("http://127.0.0.1:8080/git/r");
    }

    @Test
    void localRemotesHaveNoPage() throws Exception {
        assertThat(page("/srv/git/notes.git")).isEqualTo("none");
        assertThat(page("file:///srv/git/notes.git")).isEqualTo("none");
    }
}
