package org.govchat.staff.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What counts as a contact an officer can call back, and how it is stored. */
class ContactCheckTests {

    final ContactCheck check = new ContactCheck(new HandoffProperties(
            Duration.ofMinutes(2), Duration.ofSeconds(1), "hk", Duration.ofSeconds(15), Duration.ofMinutes(5)));

    @Test
    void aLocalNumberIsReadInTheConfiguredRegionAndStoredAsE164() {
        var contact = check.check(" 9123 4567 ");
        assertThat(contact.value()).isEqualTo("+85291234567");
        assertThat(contact.kind()).isEqualTo("PHONE");
        assertThat(contact.display()).isEqualTo("+852 9123 4567");
    }

    @Test
    void aNumberWithItsCountryCodeKeepsItsCountry() {
        assertThat(check.check("+44 20 7946 0958").value()).isEqualTo("+442079460958");
        assertThat(check.check("+86 138 0013 8000").value()).isEqualTo("+8613800138000");
    }

    @Test
    void anEmailAddressKeepsItsLocalPartAndLowerCasesItsDomain() {
        var contact = check.check("Chan.Tai-Man@Example.GOV.hk");
        assertThat(contact.value()).isEqualTo("Chan.Tai-Man@example.gov.hk");
        assertThat(contact.kind()).isEqualTo("EMAIL");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "12345",
                "9123",
                "+852 1234",
                "call me",
                "name@",
                "@example.com",
                "name@example",
                "a b@example.com",
                "9123\u00074567",
                " "
            })
    void anythingElseIsRefused(String raw) {
        assertThatThrownBy(() -> check.check(raw)).isInstanceOf(HandoffProblems.ContactInvalid.class);
    }

    @Test
    void caseReferencesNameTheDepartmentAndAvoidLookAlikes() {
        var references = new CaseReferences();
        assertThat(references.next("immigration")).matches("IMM-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}");
        assertThat(references.next("inland-revenue")).startsWith("INL-");
        assertThat(references.next("x")).startsWith("XGO-");
        assertThat(references.next("transport")).isNotEqualTo(references.next("transport"));
    }
}
