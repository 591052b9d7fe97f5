package org.capacityhub.directory.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.capacityhub.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

/** An organisation's own rules, without Spring. */
class OrganisationTest {

    @Test
    void refusesToBePlacedUnderItselfOrItsUnits() {
        Organisation ministry = new Organisation("Ministry", OrganisationType.MINISTRY, "KE");
        Organisation unit = new Organisation("Unit", OrganisationType.DEPARTMENT, "KE");
        unit.moveUnder(ministry);
        Organisation subUnit = new Organisation("Sub-unit", OrganisationType.DEPARTMENT, "KE");
        subUnit.moveUnder(unit);

        assertThatThrownBy(() -> ministry.moveUnder(ministry)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ministry.moveUnder(subUnit))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("parentId");
                    assertThat(e.getCodes()).containsExactly("organisation.parent.cycle");
                });
        assertThat(ministry.getParent()).isNull();
        subUnit.moveUnder(ministry);
        assertThat(subUnit.getParent()).isSameAs(ministry);
    }

    @Test
    void validatesItsFields() {
        assertThatThrownBy(() -> new Organisation("x".repeat(201), OrganisationType.MINISTRY, "KE"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> new Organisation("Ministry", OrganisationType.MINISTRY, "QQ"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("countryCode"));
        assertThatThrownBy(() -> new Organisation("Ministry", null, "KE"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("type"));
        Organisation o = new Organisation("Ministry", OrganisationType.MINISTRY, "ke");
        assertThat(o.getCountryCode()).isEqualTo("KE");
        assertThatThrownBy(() -> o.rename("Ministry", "A".repeat(31)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("acronym"));
        assertThatThrownBy(() -> o.describe(OrganisationType.MINISTRY, "KE", null, "javascript:alert(1)"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("website"));
    }
}
