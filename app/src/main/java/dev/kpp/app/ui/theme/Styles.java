package dev.kpp.app.ui.theme;

import javafx.css.PseudoClass;

/** Style-class and pseudo-class names Java code toggles; the CSS defines how they look. */
public final class Styles {
    /** A table cell whose mode is the lowest for that metric. */
    public static final PseudoClass BEST = PseudoClass.getPseudoClass("best");
    /** A table cell over the user's budget. */
    public static final PseudoClass OVER_BUDGET = PseudoClass.getPseudoClass("over-budget");
    /** The mode the imported cluster runs. */
    public static final PseudoClass DETECTED = PseudoClass.getPseudoClass("detected");
    /** The window while files are dragged over it. */
    public static final PseudoClass DROP_TARGET = PseudoClass.getPseudoClass("drop-target");
    /** An input whose text is invalid. */
    public static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    /** A crossover with a budget (rather than between modes). */
    public static final PseudoClass BUDGET = PseudoClass.getPseudoClass("budget");
    /** An estimate of low confidence (hatched in charts, marked in the table). */
    public static final PseudoClass LOW_CONFIDENCE = PseudoClass.getPseudoClass("low-confidence");
    /** A comparison column of the mode the imported cluster runs. */
    public static final PseudoClass IN_USE = PseudoClass.getPseudoClass("in-use");
    /** Advice: the recommended mode, a switch (not a stay) headline. */
    public static final PseudoClass RECOMMENDED = PseudoClass.getPseudoClass("recommended");
    /** Advice: a headline that says to switch. */
    public static final PseudoClass SWITCH = PseudoClass.getPseudoClass("switch");
    /** Advice: a blocked mode, a check not met, a high-severity risk or a low certainty. */
    public static final PseudoClass SEVERE = PseudoClass.getPseudoClass("severe");
    /** Advice: a caveat, a medium-severity risk or a medium certainty. */
    public static final PseudoClass CAUTION = PseudoClass.getPseudoClass("caution");
    /** Advice: a check met, a budget met or a high certainty. */
    public static final PseudoClass FINE = PseudoClass.getPseudoClass("fine");
    /** A row that did not go as asked (a kind forbidden, not served or failed in a live import). */
    public static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");
    /** Style class of the root in the dark theme. */
    public static final String DARK = "theme-dark";

    private Styles() {
    }
}
