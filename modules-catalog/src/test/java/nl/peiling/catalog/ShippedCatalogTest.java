package nl.peiling.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.peiling.core.catalog.Catalog;
import nl.peiling.core.catalog.CatalogException;
import nl.peiling.core.io.Definitions;
import nl.peiling.core.model.Cluster;
import nl.peiling.core.model.Edition;
import nl.peiling.core.model.LocalizedText;
import nl.peiling.core.model.Module;
import nl.peiling.core.model.ModuleKind;
import nl.peiling.core.model.MultiQuestion;
import nl.peiling.core.model.NumberQuestion;
import nl.peiling.core.model.Option;
import nl.peiling.core.model.Question;
import nl.peiling.core.model.Scale;
import nl.peiling.core.model.ScalePoint;
import nl.peiling.core.model.ScaleQuestion;
import nl.peiling.core.model.SingleQuestion;
import nl.peiling.core.validation.ValidationReport;
import nl.peiling.core.validation.Violation;
import nl.peiling.core.validation.ViolationCode;
import org.junit.jupiter.api.Test;

/** The shipped content: what the issue promises vendors and students, asserted number by number. */
class ShippedCatalogTest {

    private static final Catalog CATALOG = Catalog.load();
    private static final Edition E2027 = CATALOG.edition("2027");
    private static final Edition E2025 = CATALOG.edition("2025");

    @Test
    void serviceLoader_findsTheShippedAndTheVendorProvider() {
        assertThat(CATALOG.editions()).containsExactly("2025", "2027", "2027-vendor");
        assertThat(CATALOG.providerOf("2027")).contains("peiling-modules-catalog");
        assertThat(CATALOG.providerOf("2027-vendor")).contains("vendor-test");
    }

    @Test
    void vendorEdition_addsItsOwnModuleAndValidates() {
        Edition vendor = CATALOG.edition("2027-vendor");
        assertThat(vendor.optional()).hasSize(9);
        assertThat(vendor.module("vendor_extra")).isPresent();
        ValidationReport report =
                Definitions.standard().withPreviousEditions(CATALOG::find).validate(vendor);
        assertThat(report.errors()).isEmpty();
    }

    @Test
    void conflictingProviders_areAClearError() {
        ShippedCatalog shipped = new ShippedCatalog();
        assertThatThrownBy(() -> Catalog.of(List.of(shipped, new ShippedCatalog())))
                .isInstanceOf(CatalogException.class)
                .hasMessage(
                        "edition \"2025\" is shipped by two providers, \"peiling-modules-catalog\" and \"peiling-modules-catalog\"; remove one of them from the class path");
    }

    @Test
    void unknownEdition_namesTheShippedOnes() {
        assertThatThrownBy(() -> CATALOG.edition("2031"))
                .isInstanceOf(CatalogException.class)
                .hasMessage("unknown edition \"2031\" (shipped: 2025, 2027, 2027-vendor)");
    }

    @Test
    void edition2027_hasNoErrorsAndExactlyTheTwoRewordedItemsAsTrendBreaks() {
        ValidationReport report =
                Definitions.standard().withPreviousEditions(CATALOG::find).validate(E2027);
        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings())
                .extracting(Violation::code, Violation::path)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                ViolationCode.TREND_BREAK, "modules[basis].questions[doc04]"),
                        org.assertj.core.groups.Tuple.tuple(
                                ViolationCode.TREND_BREAK, "modules[basis].questions[inf04]"));
    }

    @Test
    void edition2025_isValidWithoutWarnings() {
        assertThat(Definitions.standard().validate(E2025).violations()).isEmpty();
    }

    @Test
    void edition2027_rulesAndModules() {
        assertThat(E2027.rules().chosenPerInstitution()).isEqualTo(3);
        assertThat(E2027.rules().randomPerRespondent()).isEqualTo(2);
        assertThat(E2027.rules().maxMinutes()).isEqualTo(25);
        assertThat(E2027.manifest().previous()).isEqualTo("2025");
        assertThat(E2027.base().id()).isEqualTo("basis");
        assertThat(E2027.base().kind()).isEqualTo(ModuleKind.BASE);
        assertThat(E2027.optional())
                .extracting(Module::id)
                .containsExactly(
                        "nabijheid", "huisvesting", "positie", "llo", "geldzorgen", "welzijn", "burgerschap", "stage");
        assertThat(E2027.optional()).allMatch(m -> m.kind() == ModuleKind.OPTIONAL);
    }

    @Test
    void baseQuestionnaire_size() {
        for (Edition edition : List.of(E2025, E2027)) {
            Module base = edition.base();
            assertThat(base.questions()).as(edition.id()).hasSizeBetween(60, 70);
            assertThat(base.clusters()).as(edition.id()).hasSizeBetween(10, 12);
            assertThat(base.questions().stream().filter(q -> q.type() == nl.peiling.core.model.QuestionType.GRADE))
                    .as("rapportcijfers for programme and school")
                    .hasSizeGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void optionalModules_size() {
        for (Module module : E2027.optional()) {
            assertThat(module.questions()).as(module.id()).hasSizeBetween(8, 15);
            assertThat(module.clusters()).as(module.id()).hasSizeBetween(2, 3);
        }
    }

    @Test
    void everyCluster_hasAtLeastThreeItems() {
        for (Edition edition : List.of(E2025, E2027)) {
            for (Cluster cluster : edition.clusters()) {
                assertThat(cluster.items()).as(cluster.id()).hasSizeGreaterThanOrEqualTo(3);
            }
        }
    }

    @Test
    void minutes_fitTheBudgetWithTheFiveLongestModules() {
        double base = E2027.base().minutes();
        double longestFive = E2027.optional().stream()
                .mapToDouble(Module::minutes)
                .boxed()
                .sorted((a, b) -> Double.compare(b, a))
                .limit(5)
                .mapToDouble(Double::doubleValue)
                .sum();
        assertThat(base).isBetween(7.0, 10.0);
        assertThat(base + longestFive).isLessThanOrEqualTo(25.0);
        Map<String, Double> minutes = E2027.optional().stream().collect(Collectors.toMap(Module::id, Module::minutes));
        assertThat(minutes.values()).allMatch(m -> m >= 1.0 && m <= 2.5);
    }

    @Test
    void everyText_hasDutchAndEnglish() {
        for (Edition edition : List.of(E2025, E2027)) {
            for (Module module : edition.modules()) {
                assertBoth(module.title(), module.id());
                for (Scale scale : module.scales()) {
                    scale.points().stream().map(ScalePoint::label).forEach(t -> assertBoth(t, scale.id()));
                    scale.nonSubstantive().stream().map(Option::label).forEach(t -> assertBoth(t, scale.id()));
                }
                for (Question question : module.questions()) {
                    assertBoth(question.text(), question.id());
                    List<Option> options = question instanceof SingleQuestion s
                            ? s.options()
                            : question instanceof MultiQuestion m ? m.options() : List.of();
                    options.forEach(o -> assertBoth(o.label(), question.id() + "." + o.code()));
                    if (question instanceof NumberQuestion n && n.unit() != null) {
                        assertBoth(n.unit(), question.id());
                    }
                }
                module.clusters().forEach(c -> assertBoth(c.title(), c.id()));
            }
        }
    }

    @Test
    void unchangedItems_keepIdTextAndScaleAcrossEditions() {
        long shared = E2027.base().questions().stream()
                .filter(q -> E2025.question(q.id()).isPresent())
                .count();
        assertThat(shared).isGreaterThanOrEqualTo(60);
        Question before = E2025.question("doc04").orElseThrow();
        Question now = E2027.question("doc04").orElseThrow();
        assertThat(now.text()).isNotEqualTo(before.text());
        assertThat(((ScaleQuestion) now).scale()).isEqualTo(((ScaleQuestion) before).scale());
    }

    @Test
    void moduleDescriptor_exportsOnlyTheProviderPackageAndProvidesIt() {
        ModuleDescriptor descriptor = ModuleFinder.of(Path.of("target/classes"))
                .find("nl.peiling.catalog")
                .orElseThrow()
                .descriptor();
        assertThat(descriptor.exports())
                .extracting(ModuleDescriptor.Exports::source)
                .containsExactly("nl.peiling.catalog");
        assertThat(descriptor.provides())
                .extracting(ModuleDescriptor.Provides::service)
                .containsExactly("nl.peiling.core.spi.CatalogProvider");
    }

    private static void assertBoth(LocalizedText text, String where) {
        assertThat(text.get("nl"))
                .as(where + " nl")
                .hasValueSatisfying(t -> assertThat(t).isNotBlank());
        assertThat(text.get("en"))
                .as(where + " en")
                .hasValueSatisfying(t -> assertThat(t).isNotBlank());
    }
}
