package io.docindexer.redrive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RedriveRequestTest {

    @Test
    void allWithARateBecomesAMoveTaskAtThatRate() {
        assertThat(RedriveRequest.parse(Map.of("mode", "all", "maxPerSecond", 50)))
                .isEqualTo(new RedriveRequest.MoveAll(OptionalInt.of(50)));
    }

    @Test
    void allWithoutARateLetsSqsChooseIt() {
        assertThat(RedriveRequest.parse(Map.of("mode", "all")))
                .isEqualTo(new RedriveRequest.MoveAll(OptionalInt.empty()));
    }

    @Test
    void statusAndCancelNeedNothingMore() {
        assertThat(RedriveRequest.parse(Map.of("mode", "status"))).isEqualTo(new RedriveRequest.Status());
        assertThat(RedriveRequest.parse(Map.of("mode", "cancel")))
                .isEqualTo(new RedriveRequest.Cancel(Optional.empty()));
        assertThat(RedriveRequest.parse(Map.of("mode", "cancel", "taskHandle", "h-1")))
                .isEqualTo(new RedriveRequest.Cancel(Optional.of("h-1")));
    }

    @Test
    void aSelectiveRequestCarriesEveryFilterCondition() {
        RedriveRequest request = RedriveRequest.parse(Map.of(
                "mode",
                "selective",
                "filter",
                Map.of(
                        "errorClass",
                        "UnusableMessage",
                        "keyPrefix",
                        "invoices/",
                        "olderThanSeconds",
                        60,
                        "newerThanSeconds",
                        3600),
                "maxMessages",
                25,
                "dryRun",
                true));

        assertThat(request)
                .isEqualTo(new RedriveRequest.Selective(
                        new MessageFilter(
                                Optional.of("UnusableMessage"),
                                Optional.of("invoices/"),
                                Optional.of(Duration.ofMinutes(1)),
                                Optional.of(Duration.ofHours(1))),
                        25,
                        true));
    }

    @Test
    void aBareSelectiveRequestMovesEverythingUpToTheDefaultCap() {
        assertThat(RedriveRequest.parse(Map.of("mode", "selective")))
                .isEqualTo(new RedriveRequest.Selective(
                        MessageFilter.ALL, RedriveRequestReader.DEFAULT_MAX_MESSAGES, false));
    }

    @Test
    void wholeNumbersArriveInWhateverTypeTheDeserialiserChose() {
        assertThat(RedriveRequest.parse(Map.of("mode", "selective", "maxMessages", 7L)))
                .asInstanceOf(type(RedriveRequest.Selective.class))
                .extracting(RedriveRequest.Selective::maxMessages)
                .isEqualTo(7);
        assertThat(RedriveRequest.parse(Map.of("mode", "all", "maxPerSecond", 10.0)))
                .isEqualTo(new RedriveRequest.MoveAll(OptionalInt.of(10)));
    }

    @Test
    void anUnknownModeIsRefusedNamingTheModes() {
        assertThat(problems(Map.of("mode", "everything")))
                .containsExactly("mode is 'everything'; expected one of [all, cancel, selective, status]");
    }

    @Test
    void aMissingModeOrAMissingRequestIsRefused() {
        assertThat(problems(Map.of()))
                .containsExactly("mode is missing; expected one of [all, cancel, selective, status]");
        assertThatThrownBy(() -> RedriveRequest.parse(null)).isInstanceOf(InvalidRedriveRequestException.class);
    }

    @Test
    void everyProblemOfASelectiveRequestIsListedAtOnce() {
        Map<String, Object> request = new HashMap<>();
        request.put("mode", "selective");
        request.put("maxMessages", -1);
        request.put("dryRun", "yes");
        request.put("filter", Map.of("keyPrefix", "", "olderThanSeconds", 1.5, "colour", "red"));

        assertThat(problems(request))
                .containsExactlyInAnyOrder(
                        "maxMessages is -1; expected a whole number from 1 to 10000",
                        "dryRun is 'yes'; expected true or false",
                        "filter.keyPrefix is ''; expected a non-empty string (or leave it out)",
                        "filter.olderThanSeconds is 1.5; expected a whole number from 0 to 1209600",
                        "unknown field filter.colour; expected only [errorClass, keyPrefix, newerThanSeconds, olderThanSeconds]");
    }

    @Test
    void aMisspeltDryRunIsRefusedRatherThanIgnored() {
        assertThat(problems(Map.of("mode", "selective", "dryrun", true)))
                .containsExactly("unknown field dryrun; expected only [dryRun, filter, maxMessages, mode]");
    }

    @Test
    void aRateAboveWhatSqsAllowsIsRefused() {
        assertThat(problems(Map.of("mode", "all", "maxPerSecond", 501)))
                .containsExactly("maxPerSecond is 501; expected a whole number from 1 to 500");
        assertThat(problems(Map.of("mode", "all", "maxPerSecond", "50")))
                .containsExactly("maxPerSecond is '50'; expected a whole number from 1 to 500");
    }

    @Test
    void anAgeWindowThatCannotMatchAnythingIsRefused() {
        assertThat(problems(
                        Map.of("mode", "selective", "filter", Map.of("olderThanSeconds", 600, "newerThanSeconds", 60))))
                .singleElement()
                .asString()
                .startsWith("filter.olderThanSeconds (600) is larger than filter.newerThanSeconds (60)");
    }

    @Test
    void aFilterThatIsNotAnObjectIsRefused() {
        assertThat(problems(Map.of("mode", "selective", "filter", "invoices/")))
                .singleElement()
                .asString()
                .startsWith("filter is 'invoices/'; expected an object");
    }

    @Test
    void fieldsOfAnotherModeAreRefused() {
        assertThat(problems(Map.of("mode", "status", "dryRun", true)))
                .containsExactly("unknown field dryRun; expected only [mode]");
    }

    @Test
    void theErrorMessageListsTheProblemsAndShowsExamples() {
        assertThatThrownBy(() -> RedriveRequest.parse(Map.of("mode", "all", "maxPerSecond", 0)))
                .hasMessageContaining("- maxPerSecond is 0")
                .hasMessageContaining("{\"mode\":\"status\"}");
    }

    private static List<String> problems(Map<String, Object> request) {
        try {
            RedriveRequest.parse(request);
        } catch (InvalidRedriveRequestException invalid) {
            return invalid.problems();
        }
        throw new AssertionError("accepted " + request);
    }
}
