package org.capacityhub.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.capacityhub.framework.Frameworks;
import org.capacityhub.library.domain.LibraryService;
import org.capacityhub.library.domain.ResourceRepository;
import org.capacityhub.library.domain.Visibility;
import org.capacityhub.support.DirectoryFixtures;
import org.capacityhub.support.DirectoryFixtures.Actor;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * A 200 MB upload over real HTTP: the servlet container refuses it before any controller runs, and the API still
 * answers with a 413 problem document (the rest of the body is read and discarded, so the client gets the answer);
 * nothing is attached.
 */
@IntegrationTest
class LibraryUploadLimitTest {

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired LibraryService service;
    @Autowired ResourceRepository resources;
    @Autowired Frameworks frameworks;

    @Test
    void a200MegabyteUploadIsA413ProblemAndNothingIsStored() throws Exception {
        DirectoryFixtures directory = DirectoryFixtures.of(context);
        Actor author = directory.memberOf(directory.ministry("Upload Limit Ministry"));
        long id = LibraryFixtures.as(author, () -> service.create(LibraryFixtures.input("Huge " + DirectoryFixtures.unique(),
                null, Set.of(LibraryFixtures.domainAndChild(frameworks).get(1).id()), Visibility.PUBLIC, null, "en")));
        String boundary = "----capacityhub" + DirectoryFixtures.unique();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.7\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        long size = 200L * 1024 * 1024;
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/library/resources/" + id + "/file"))
                .header("Authorization", directory.bearer(author))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.SequenceInputStream(java.util.Collections.enumeration(java.util.List.of(
                                new java.io.ByteArrayInputStream(head), new Zeros(size),
                                new java.io.ByteArrayInputStream(tail))))), head.length + size + tail.length))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).contains("50 MB");
        assertThat(resources.findById(id).orElseThrow().hasFile()).isFalse();
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
