package org.capacityhub.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.capacityhub.directory.account.OidcAccountService;
import org.capacityhub.directory.account.TestAccounts;
import org.capacityhub.directory.account.UserAccount;
import org.capacityhub.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.WebAttributes;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Sign-in, throttling, session fixation protection, CSRF and sign-out, through the real filter chain. */
@IntegrationTest
class SignInSecurityTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @LocalServerPort
    int port;

    /** Each test signs in from its own address so that the per-address throttle of other tests is not touched. */
    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static MockHttpServletRequestBuilder login(String username, String password, String address) {
        return post("/login").with(csrf()).with(from(address)).param("username", username).param("password", password);
    }

    @Test
    void theSixthAttemptAfterFiveFailuresIsRefusedEvenWithTheRightPassword() throws Exception {
        UserAccount account = accounts.create("throttled", false, false);
        for (int i = 0; i < 5; i++) {
            mvc.perform(login(account.getUsername(), "wrong password " + i, "192.0.2.10"))
                    .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
        }
        MvcResult refused = mvc.perform(login(account.getUsername(), TestAccounts.PASSWORD, "192.0.2.11"))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error")).andReturn();
        MockHttpSession session = (MockHttpSession) refused.getRequest().getSession(false);
        mvc.perform(get("/login").param("error", "").session(session))
                .andExpect(content().string(containsString("Too many failed sign-in attempts. Try again in")));
        // the same username from anywhere is refused; another account is not affected
        UserAccount other = accounts.create("unaffected", false, false);
        mvc.perform(login(other.getUsername(), TestAccounts.PASSWORD, "192.0.2.10"))
                .andExpect(authenticated());
    }

    @Test
    void aWrongPasswordShowsAPlainMessage() throws Exception {
        UserAccount account = accounts.create("mistyped", false, false);
        MvcResult failed = mvc.perform(login(account.getUsername(), "nope nope nope", "192.0.2.20"))
                .andExpect(redirectedUrl("/login?error")).andReturn();
        mvc.perform(get("/login").param("error", "").session((MockHttpSession) failed.getRequest().getSession(false)))
                .andExpect(content().string(containsString("The username or password is wrong.")));
    }

    @Test
    void signingInChangesTheSessionIdAndRecordsTheSignIn() throws Exception {
        // over real HTTP, against the server the test context runs, with the browser's cookies
        UserAccount account = accounts.create("fixation", false, false);
        assertThat(account.getLastSignInAt()).isNull();
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "http://localhost:" + port;
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String before = sessionCookie(page);
        Matcher csrfField = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrfField.find()).isTrue();
        Instant start = Instant.now().minusSeconds(1);
        String form = "username=" + URLEncoder.encode(account.getUsername(), StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(TestAccounts.PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrfField.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "JSESSIONID=" + before)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/");
        String after = sessionCookie(signedIn);
        assertThat(after).isNotBlank().isNotEqualTo(before);
        assertThat(accounts.reload(account).getLastSignInAt()).isAfter(start);

        // the old session id is worth nothing; the new one is signed in
        HttpResponse<String> withOld = http.send(HttpRequest.newBuilder(URI.create(base + "/account"))
                .header("Cookie", "JSESSIONID=" + before).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withOld.statusCode()).isEqualTo(302);
        HttpResponse<String> withNew = http.send(HttpRequest.newBuilder(URI.create(base + "/account"))
                .header("Cookie", "JSESSIONID=" + after).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withNew.statusCode()).isEqualTo(200);
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring("JSESSIONID=".length(), c.indexOf(';'))).findFirst().orElse(null);
    }

    @Test
    void theSignInFormAndSignOutRequireTheCsrfToken() throws Exception {
        UserAccount account = accounts.create("csrf", false, false);
        mvc.perform(post("/login").with(from("192.0.2.40")).param("username", account.getUsername())
                        .param("password", TestAccounts.PASSWORD))
                .andExpect(status().isForbidden()).andExpect(unauthenticated());
        MockHttpSession session = TestAccounts.signIn(mvc, account.getUsername(), TestAccounts.PASSWORD);
        mvc.perform(post("/logout").session(session)).andExpect(status().isForbidden());
        mvc.perform(get("/account").session(session)).andExpect(status().isOk());
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        UserAccount account = accounts.create("leaving", false, false);
        MockHttpSession session = TestAccounts.signIn(mvc, account.getUsername(), TestAccounts.PASSWORD);
        mvc.perform(get("/account").session(session)).andExpect(status().isOk());
        mvc.perform(post("/logout").with(csrf()).session(session)).andExpect(redirectedUrl("/login?signedOut"));
        mvc.perform(get("/account").session(session)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login").param("signedOut", "")).andExpect(content().string(containsString("You are signed out.")));
    }

    @Test
    void anUnknownOpenIdConnectIdentityIsExplainedOnTheSignInPage() throws Exception {
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, new OAuth2AuthenticationException(
                new OAuth2Error(OidcAccountService.UNKNOWN_IDENTITY, "unknown", null)));
        mvc.perform(get("/login").param("error", "").session(session))
                .andExpect(content().string(containsString("No Capacity Hub account matches your organisation")));
        session.setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, new OAuth2AuthenticationException("invalid_token"));
        mvc.perform(get("/login").param("error", "").session(session))
                .andExpect(content().string(containsString("did not work")));
    }
}
