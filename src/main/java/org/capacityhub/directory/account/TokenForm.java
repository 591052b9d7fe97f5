package org.capacityhub.directory.account;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.springframework.format.annotation.DateTimeFormat;

/** Creating a personal access token on the profile page. */
public class TokenForm {

    private String name;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate expiresOn;

    /** A token "valid until" a date works through the whole of that day (UTC). */
    Instant expiresAt() {
        return expiresOn == null ? null : expiresOn.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public LocalDate getExpiresOn() { return expiresOn; }
    public void setExpiresOn(LocalDate expiresOn) { this.expiresOn = expiresOn; }
}
