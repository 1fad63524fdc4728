package com.eceops.runbook.procedure.finalnotes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** final-2: exactly https://&lt;ECE FQDN&gt;, protocol included, nothing after the name. */
class PartitionUrlRuleTest {

    private static final String ECE = "ece.massivedynamic.com";

    @Test
    void exactlyTheEceUrlPassesWhateverTheCaseOfTheName() {
        assertThat(PartitionUrlRule.problems("https://ece.massivedynamic.com", ECE, 443)).isEmpty();
        assertThat(PartitionUrlRule.problems("https://ECE.massivedynamic.com", ECE, 443)).isEmpty();
    }

    @ParameterizedTest(name = "''{0}'' is refused: {1}")
    @CsvSource(delimiter = '|', value = {
        "ece.massivedynamic.com | has no protocol",
        "http://ece.massivedynamic.com | uses http, not https",
        "https://CC2K125ECEWA.massivedynamic.com | not the ECE FQDN",
        "https://ece.massivedynamic.com/ | more than the protocol and the name",
        "https://ece.massivedynamic.com/ece/default | more than the protocol and the name",
        "https://ece.massivedynamic.com:8443 | has a port",
        "https://ece.massivedynamic.com?x=1 | more than the protocol and the name",
        "https://ece massivedynamic.com | is not a URL"})
    void anythingElseIsRefusedWithTheReason(String typed, String reason) {
        assertThat(PartitionUrlRule.problems(typed, ECE, 443)).anySatisfy(problem -> assertThat(problem).contains(reason));
    }

    @Test
    void nothingTypedOrSpacesAroundAreRefused() {
        assertThat(PartitionUrlRule.problems(null, ECE, 443)).singleElement().asString().contains("no URL was given");
        assertThat(PartitionUrlRule.problems("  ", ECE, 443)).singleElement().asString().contains("no URL was given");
        assertThat(PartitionUrlRule.problems(" https://ece.massivedynamic.com", ECE, 443)).singleElement().asString().contains("spaces");
    }

    @Test
    void aSiteOnAnotherPortThan443IsTypedWithExactlyThatPort() {
        assertThat(PartitionUrlRule.problems("https://ece.massivedynamic.com:8443", ECE, 8443)).isEmpty();
        assertThat(PartitionUrlRule.problems("https://ece.massivedynamic.com", ECE, 8443)).singleElement().asString()
                .contains("does not name the site's port 8443").contains("https://ece.massivedynamic.com:8443");
        assertThat(PartitionUrlRule.problems("https://ece.massivedynamic.com:9443", ECE, 8443)).singleElement().asString()
                .contains("port 8443");
        assertThat(PartitionUrlRule.problems("https://ece.massivedynamic.com:443", ECE, 443)).singleElement().asString()
                .contains("has a port");
    }
}
