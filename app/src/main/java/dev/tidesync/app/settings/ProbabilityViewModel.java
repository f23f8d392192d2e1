package dev.tidesync.app.settings;

import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;

/**
 * The per-prompt sync chance as the user types it ("27") and as they understand it
 * ("1 in 27 ≈ 3.7% of prompts"), validated as they type.
 */
public final class ProbabilityViewModel {

    public static final int MAX = 1_000_000;

    private final StringProperty input = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper chance = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(false);

    public ProbabilityViewModel(int current) {
        input.addListener((obs, old, now) -> evaluate(now));
        input.set(Integer.toString(current));
    }

    public StringProperty inputProperty() {
        return input;
    }

    public ReadOnlyStringProperty chanceProperty() {
        return chance.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** The value to save, when the input is valid. */
    public Optional<Integer> value() {
        return parse(input.get());
    }

    public static String describe(int oneIn) {
        if (oneIn == 1) {
            return "Every prompt (100%)";
        }
        double percent = 100.0 / oneIn;
        String shown = percent >= 10 ? String.format(Locale.ROOT, "%.0f", percent)
                : percent >= 0.1 ? String.format(Locale.ROOT, "%.1f", percent)
                : new java.math.BigDecimal(percent).round(new java.math.MathContext(2)).stripTrailingZeros().toPlainString();
        return "1 in " + String.format(Locale.ROOT, "%,d", oneIn).replace(',', ' ') + " ≈ " + shown + "% of prompts";
    }

    private void evaluate(String text) {
        Optional<Integer> parsed = parse(text);
        valid.set(parsed.isPresent());
        if (parsed.isPresent()) {
            chance.set(describe(parsed.get()));
            problem.set("");
        } else {
            chance.set("");
            problem.set("Enter a whole number from 1 (every prompt) to 1 000 000");
        }
    }

    private static Optional<Integer> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().replace(" ", "");
        if (!t.matches("\\d{1,7}")) {
            return Optional.empty();
        }
        int n = Integer.parseInt(t);
        return n >= 1 && n <= MAX ? Optional.of(n) : Optional.empty();
    }
}
