package dev.newsalerts.classifier.domain.cluster;

/**
 * How strongly the anchors of two stories say they report one event, strongest first; the
 * {@link JoinRule} asks for less textual similarity the stronger the evidence.
 */
enum Evidence {
    /** The same numbers, or at least two shared and the rest only missing on one side. */
    NUMBERS_AGREE,
    /** Neither story has numbers, and they share at least two names. */
    NAMES_AGREE,
    /** One number shared, the others only missing on one side. */
    SOME_NUMBERS_AGREE,
    /** Numbers on one side only, or no numbers and too few shared names: the wording must carry it. */
    NONE,
    /** Each story has numbers the other lacks. */
    NUMBERS_CONFLICT;

    static Evidence of(boolean numbersConflict, boolean numbersEqual, int sharedNumbers, boolean numbersOneSided, int sharedNames,
            int namesToAgree) {
        if (numbersConflict) {
            return NUMBERS_CONFLICT;
        }
        if (numbersEqual || sharedNumbers >= 2) {
            return NUMBERS_AGREE;
        }
        if (sharedNumbers == 1) {
            return SOME_NUMBERS_AGREE;
        }
        if (!numbersOneSided && sharedNames >= namesToAgree) {
            return NAMES_AGREE;
        }
        return NONE;
    }
}
