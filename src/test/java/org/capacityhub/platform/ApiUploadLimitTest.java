package org.capacityhub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

import org.capacityhub.support.DirectoryFixtures;
import org.capacityhub.support.DirectoryFixtures.Actor;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * An upload above the server's multipart limit (60 MB) to any API address outside the library is refused before
 * any controller runs with a 413 problem document in the client's language, over real HTTP (the library words its
 * own refusal: {@code LibraryUploadLimitTest}).
 */
@IntegrationTest
class ApiUploadLimitTest {

    private static final long SIZE = 61L * 1024 * 1024;

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    private HttpResponse<String> upload(String path, String bearer, String language) throws Exception {
        String boundary = "----capacityhub" + DirectoryFixtures.unique();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new SequenceInputStream(Collections.enumeration(List.of(new ByteArrayInputStream(head),
                                new Zeros(SIZE), new ByteArrayInputStream(tail))))),
                        head.length + SIZE + tail.length));
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aTooLargeApiUploadIsA413ProblemDocumentInTheClientsLanguage() throws Exception {
        DirectoryFixtures directory = DirectoryFixtures.of(context);
        Actor admin = directory.admin();
        String bearer = directory.bearer(admin);

        HttpResponse<String> english = upload("/api/v1/frameworks/import", bearer, "en");
        assertThat(english.statusCode()).isEqualTo(413);
        assertThat(english.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(english.body()).contains("\"status\":413")
                .contains("The upload is larger than 60 MB: nothing was stored")
                .contains("/api/v1/frameworks/import");

        // someone without a chosen interface language gets the language of their Accept-Language header
        Actor member = directory.memberOf(directory.ministry("Upload limit ministry"));
        HttpResponse<String> french = upload("/api/v1/people", directory.bearer(member), "fr-FR,fr;q=0.9");
        assertThat(french.statusCode()).isEqualTo(413);
        assertThat(french.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(french.body()).contains("dépasse 60 Mo");

        // without a token the size does not matter: 401 first, as a problem document
        HttpResponse<String> anonymous = upload("/api/v1/frameworks/import", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
    }

    /** {@code size} zero bytes, without holding them in memory. */
    private static final class Zeros extends InputStream {
        private long left;

        Zeros(long size) {
            this.left = size;
        }

        @Override
        public int read() {
            if (left <= 0) {
                return -1;
            }
            left--;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) 0);
            left -= n;
            return n;
        }
    }
}
