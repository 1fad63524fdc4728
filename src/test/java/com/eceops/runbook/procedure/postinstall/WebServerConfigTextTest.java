package com.eceops.runbook.procedure.postinstall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WebServerConfigTextTest {

    private static final String JS = "// gadget settings\nvar web_server_protocol = \"http\";\nvar web_server_name = \"CC2K125ECEWA\";\nvar other = 1;\n";
    private static final String XML = "<gadgets>\n  <gadget>http://CC2K125ECEWA/ece/finesse/gadget/agent/agent.xml?a=1&amp;b=2</gadget>\n</gadgets>\n";

    @Test
    void replacesOnlyTheNamedVarsValue() {
        String edited = WebServerConfigText.withJsVar(WebServerConfigText.withJsVar(JS, "web_server_protocol", "https"),
                "web_server_name", "ece.massivedynamic.com");
        assertThat(edited).isEqualTo("// gadget settings\nvar web_server_protocol = \"https\";\n"
                + "var web_server_name = \"ece.massivedynamic.com\";\nvar other = 1;\n");
        assertThat(WebServerConfigText.jsVarValue(edited, "web_server_name")).contains("ece.massivedynamic.com");
        assertThat(WebServerConfigText.withJsVar(edited, "web_server_name", "ece.massivedynamic.com")).isEqualTo(edited);
    }

    @Test
    void quotesAndBackslashesInAValueStayInsideTheString() {
        String nasty = "a\"b\\c\";alert(1);//\nx";
        String edited = WebServerConfigText.withJsVar(JS, "web_server_name", nasty);
        assertThat(edited).contains("var web_server_name = \"a\\\"b\\\\c\\\";alert(1);//\\nx\";\n").contains("var other = 1;");
        assertThat(WebServerConfigText.jsVarValue(edited, "web_server_name")).contains(nasty);
        assertThat(WebServerConfigText.withJsVar(edited, "web_server_name", nasty)).isEqualTo(edited);
        assertThat(WebServerConfigText.jsVarValue(edited, "web_server_protocol")).contains("http");
    }

    @Test
    void aVarWithAnEscapedQuoteOrSingleQuotesIsReplacedWhole() {
        String js = "var web_server_name = 'old\\'one';\nvar web_server_protocol = \"ht\\\"tp\";\n";
        String edited = WebServerConfigText.withJsVar(WebServerConfigText.withJsVar(js, "web_server_name", "n"), "web_server_protocol", "https");
        assertThat(edited).isEqualTo("var web_server_name = \"n\";\nvar web_server_protocol = \"https\";\n");
    }

    @Test
    void aSimilarlyNamedVarIsNotTouchedAndAMissingVarFails() {
        String js = "var my_web_server_name = \"x\";\nvar web_server_name_2 = \"y\";\n";
        assertThat(WebServerConfigText.jsVarValue(js, "web_server_name")).isEmpty();
        assertThatThrownBy(() -> WebServerConfigText.withJsVar(js, "web_server_name", "z")).hasMessageContaining("web_server_name");
    }

    @Test
    void gadgetUrlGetsHttpsAndTheEceNameWithItsPathKept() {
        String edited = WebServerConfigText.withGadgetHost(XML, "ece.massivedynamic.com");
        assertThat(edited).isEqualTo("<gadgets>\n  <gadget>https://ece.massivedynamic.com/ece/finesse/gadget/agent/agent.xml?a=1&amp;b=2</gadget>\n</gadgets>\n");
        assertThat(WebServerConfigText.gadgetUrl(edited)).contains("https://ece.massivedynamic.com/ece/finesse/gadget/agent/agent.xml?a=1&b=2");
        assertThat(WebServerConfigText.withGadgetHost(edited, "ece.massivedynamic.com")).isEqualTo(edited);
    }

    @Test
    void aHostWithMarkupIsEscapedAndAMissingGadgetFails() {
        String edited = WebServerConfigText.withGadgetHost(XML, "a<b>&\"c");
        assertThat(edited).contains("<gadget>https://a&lt;b&gt;&amp;&quot;c/ece/").endsWith("</gadget>\n</gadgets>\n");
        assertThat(WebServerConfigText.gadgetUrl(edited)).hasValueSatisfying(u -> assertThat(u).startsWith("https://a<b>&\"c/ece/"));
        assertThatThrownBy(() -> WebServerConfigText.withGadgetHost("<layout/>", "x")).hasMessageContaining("gadget");
    }
}
