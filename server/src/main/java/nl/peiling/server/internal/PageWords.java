package nl.peiling.server.internal;

import java.util.Locale;

/** The fixed texts of the respondent and coordinator pages, in Dutch and English. */
enum PageWords {
    TITLE("JOB-monitor vragenlijst", "JOB-monitor questionnaire"),
    SKIP("Naar de vragen", "Skip to the questions"),
    TEST_MARK(
            "TEST: dit is een proefsessie. Je antwoorden tellen niet mee.",
            "TEST: this is a trial session. Your answers are not counted."),
    NOTICE("Mededeling", "Notice"),
    START_HEADING("Welkom bij de JOB-monitor", "Welcome to the JOB-monitor"),
    START_INTRO(
            "De JOB-monitor vraagt mbo-studenten wat zij van hun opleiding en school vinden. Je ziet steeds hoe"
                    + " ver je bent en hoeveel tijd het nog ongeveer kost.",
            "The JOB-monitor asks MBO students what they think of their programme and school. You always see"
                    + " how far you are and about how much time is left."),
    PRIVACY_HEADING("Wat we bewaren en wie het ziet", "What we store and who sees it"),
    PRIVACY_STORED(
            "We bewaren je antwoorden met een code in plaats van je naam of studentnummer. Je naam staat niet"
                    + " in de antwoorden.",
            "We store your answers under a code instead of your name or student number. Your name is not in"
                    + " the answers."),
    PRIVACY_SEEN(
            "Je school ziet alleen totalen van groepen studenten, nooit jouw antwoorden. Een groep met te weinig"
                    + " studenten wordt niet getoond. Wat je zelf opschrijft, wordt niet aan je school doorgegeven"
                    + " in een overzicht.",
            "Your school sees totals of groups of students only, never your answers. A group with too few"
                    + " students is not shown. What you write yourself is not passed on to your school in any"
                    + " overview."),
    PRIVACY_LOGIN(
            "Je logt in zodat je maar één keer meedoet en later verder kunt gaan, niet om je antwoorden aan je"
                    + " naam te koppelen.",
            "You log in so that you take part once and can continue later, not to link your answers to your"
                    + " name."),
    CHOOSE_LEGEND(
            "Voor welke school vul je de vragenlijst in?", "Which school are you filling in the questionnaire for?"),
    START("Beginnen of verdergaan", "Start or continue"),
    LANGUAGE_SWITCH("English", "Nederlands"),
    NO_LINK(
            "Open de persoonlijke link die je kreeg na het inloggen, of vraag je docent om de link.",
            "Open the personal link you received after logging in, or ask your teacher for the link."),
    BAD_LINK_HEADING("Deze link werkt niet", "This link does not work"),
    BAD_LINK(
            "De link is niet compleet of niet geldig. Open de link opnieuw vanuit je e-mail of het inlogscherm.",
            "The link is incomplete or not valid. Open the link again from your e-mail or the login screen."),
    UNKNOWN_SESSION_HEADING("Deze vragenlijst is niet gevonden", "This questionnaire was not found"),
    UNKNOWN_SESSION(
            "Open je persoonlijke link opnieuw; je gaat dan verder waar je was.",
            "Open your personal link again; you will continue where you were."),
    PAGE_OF("Pagina %d van %d", "Page %d of %d"),
    PROGRESS(
            "%d van %d vragen beantwoord, nog ongeveer %d minuten",
            "%d of %d questions answered, about %d minutes left"),
    PREVIOUS("Vorige", "Previous"),
    NEXT("Volgende", "Next"),
    FINISH("Versturen en afronden", "Send and finish"),
    SAVED_NOTE(
            "Je antwoorden worden bewaard. Je kunt stoppen en later met dezelfde link verdergaan.",
            "Your answers are saved. You can stop and continue later with the same link."),
    ERRORS_HEADING("Controleer je antwoorden", "Please check your answers"),
    CLEAR_CHOICE("Geen antwoord", "No answer"),
    GRADE_HINT("Een cijfer van 1 tot en met 10", "A mark from 1 to 10"),
    NUMBER_HINT("Een getal, met een punt voor decimalen", "A number, with a point for decimals"),
    TEXT_HINT("Hoogstens %d tekens", "At most %d characters"),
    MULTI_HINT("Kies er een of meer", "Choose one or more"),
    DONE_HEADING("Bedankt!", "Thank you!"),
    DONE(
            "Je antwoorden zijn verstuurd. Je kunt dit venster sluiten.",
            "Your answers have been sent. You can close this window."),
    UNAVAILABLE_HEADING("Even geduld", "Please wait a moment"),
    UNAVAILABLE(
            "Het is nu erg druk of er is een storing. Er is niets verloren gegaan. Probeer het over een paar"
                    + " seconden opnieuw.",
            "It is very busy or there is a problem. Nothing was lost. Please try again in a few seconds."),
    COORDINATOR_TITLE("Coördinator: %s", "Coordinator: %s"),
    BAROMETER_HEADING("Responsbarometer", "Response barometer"),
    BAROMETER_INTRO(
            "Ingevulde vragenlijsten per locatie tegen de benodigde netto respons (95 %% betrouwbaarheid, 5 %%"
                    + " foutmarge). Testsessies tellen niet mee. Stand van %s.",
            "Completed questionnaires per location against the required net response (95 %% confidence, 5 %%"
                    + " margin of error). Test sessions do not count. As of %s."),
    NO_POPULATION(
            "De barometer heeft de populatie nodig; de beheerder start de dienst met --population.",
            "The barometer needs the population; the operator starts the service with --population."),
    LOCATION("Locatie", "Location"),
    TOTAL("Totaal", "Total"),
    POPULATION("Studenten", "Students"),
    RESPONSES("Ingevuld", "Completed"),
    NET("Netto nodig", "Net required"),
    PERCENT("% van netto", "% of net"),
    REACHED("Gehaald", "Reached"),
    YES("ja", "yes"),
    NO("nee", "no"),
    CSV("Download als CSV", "Download as CSV"),
    REFRESH("Vernieuwen", "Refresh"),
    QR_HEADING("QR-codes voor posters en dia's", "QR codes for posters and slides"),
    QR_ALT("QR-code van de link %s", "QR code of the link %s"),
    QR_DOWNLOAD("SVG downloaden", "Download SVG"),
    TEST_HEADING("Testlinks", "Test links"),
    TEST_INTRO(
            "Probeer de vragenlijst vooraf op jullie eigen apparaten en met klassen. Elke start met een testlink"
                    + " is een nieuwe proefsessie; die telt nooit mee.",
            "Try the questionnaire beforehand on your own devices and with classes. Each start from a test link is"
                    + " a new trial session; it never counts."),
    WHOLE_INSTITUTION("Hele instelling", "Whole institution");

    private final String dutch;
    private final String english;

    PageWords(String dutch, String english) {
        this.dutch = dutch;
        this.english = english;
    }

    /** The text in the language ({@code nl} or {@code en}), formatted with the arguments. */
    String in(String language, Object... args) {
        String text = "en".equals(language) ? english : dutch;
        return args.length == 0 ? text.replace("%%", "%") : String.format(Locale.ROOT, text, args);
    }
}
