package com.eceops.runbook.technology.ece;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.eceops.runbook.estate.LoginMarkers;

/** The login page is recognised by its form's markup, not by the word "login", and an error page never passes. */
class LoginPageTest {

    private static final String FORM = "<html><title>Enterprise Chat and Email</title><form method=\"post\">"
            + "<input name=\"username\"><input type=\"password\" name=\"password\"></form></html>";

    @Test
    void theLoginFormWithStatus200IsTheLoginPage() {
        assertThat(new LoginPage("u", 200, FORM).showsLogin()).isTrue();
        assertThat(new LoginPage("u", 200, FORM).describe()).isEqualTo("u shows the ECE login page");
    }

    @Test
    void theWordLoginWithoutTheFormIsNotTheLoginPage() {
        LoginPage page = new LoginPage("u", 200, "<html><title>Enterprise Chat and Email</title>Session ended. <a href=\"/\">Login</a></html>");
        assertThat(page.showsLogin()).isFalse();
        assertThat(page.describe()).contains("no login form", "<form");
    }

    @Test
    void anErrorTextOrAnotherStatusIsNotTheLoginPageEvenWithTheForm() {
        assertThat(new LoginPage("u", 200, FORM.replace("</form>", "</form>Service Unavailable")).describe())
                .contains("an error page (\"Service Unavailable\")");
        assertThat(new LoginPage("u", 500, FORM).showsLogin()).isFalse();
    }

    @Test
    void aSitesOwnMarkersDecide() {
        LoginMarkers site = new LoginMarkers(List.of("id=\"eceLogin\""), List.of("maintenance"));
        assertThat(new LoginPage("u", 200, "<div id=\"eceLogin\"></div>").showsLogin(site)).isTrue();
        assertThat(new LoginPage("u", 200, FORM).showsLogin(site)).isFalse();
        assertThat(new LoginPage("u", 200, "<div id=\"eceLogin\">maintenance</div>").showsLogin(site)).isFalse();
        assertThat(new LoginPage("u", 200, FORM).showsLogin(new LoginMarkers(List.of(), List.of()))).isFalse();
    }
}
