package org.capacityhub.directory.account;

/** Accepting an invitation: the username and password of the new account. */
public class AcceptInvitationForm {

    private String username;
    private String password;
    private String confirmPassword;

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getConfirmPassword() { return confirmPassword; }
    public void setConfirmPassword(String confirmPassword) { this.confirmPassword = confirmPassword; }
}
