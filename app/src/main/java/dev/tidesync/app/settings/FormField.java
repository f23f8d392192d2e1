package dev.tidesync.app.settings;

import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/**
 * A text field saved on Enter or when it loses focus, with the engine's refusal shown under it.
 * {@code toConfig} turns what the user typed into the stored value (e.g. seconds into ms) or says
 * why it cannot.
 */
final class FormField extends VBox {

    private final TextField field = new TextField();
    private final Label problem = new Label();
    private String saved;

    FormField(String id, String initial, Function<String, Result> toConfig, BiConsumer<String, Consumer<Optional<String>>> save) {
        setSpacing(2);
        field.setId(id);
        field.setPrefColumnCount(8);
        field.setText(initial);
        saved = initial;
        problem.setId(id + "-problem");
        problem.setWrapText(true);
        problem.setStyle("-fx-text-fill: #b42318;");
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        field.setOnAction(e -> commit(toConfig, save));
        field.focusedProperty().subscribe(focused -> {
            if (!focused) {
                commit(toConfig, save);
            }
        });
        getChildren().addAll(field, problem);
    }

    TextField field() {
        return field;
    }

    private void commit(Function<String, Result> toConfig, BiConsumer<String, Consumer<Optional<String>>> save) {
        String text = field.getText().strip();
        if (text.equals(saved)) {
            problem.setText("");
            return;
        }
        Result r = toConfig.apply(text);
        if (r.problem().isPresent()) {
            problem.setText(r.problem().get());
            return;
        }
        save.accept(r.value(), refused -> {
            problem.setText(refused.orElse(""));
            if (refused.isEmpty()) {
                saved = text;
            }
        });
    }

    /** The stored value, or why the text is not one. */
    record Result(String value, Optional<String> problem) {
        static Result of(String value) {
            return new Result(value, Optional.empty());
        }

        static Result refused(String why) {
            return new Result("", Optional.of(why));
        }
    }

    /** Seconds as typed ("5", "2.5") into the milliseconds config keeps. */
    static Function<String, Result> secondsToMs() {
        return text -> {
            try {
                double s = Double.parseDouble(text.replace(',', '.'));
                if (s < 0) {
                    return Result.refused("must not be negative");
                }
                return Result.of(Long.toString(Math.round(s * 1000)));
            } catch (NumberFormatException e) {
                return Result.refused("\"" + text + "\" is not a number of seconds");
            }
        };
    }

    static Function<String, Result> wholeNumber() {
        return text -> text.matches("\\d{1,9}") ? Result.of(text) : Result.refused("\"" + text + "\" is not a whole number");
    }

    /** A whole number, or nothing typed: the key returns to its default. */
    static Function<String, Result> wholeNumberOrDefault() {
        return text -> text.isEmpty() ? Result.of("null") : wholeNumber().apply(text);
    }

    /** Text kept as a JSON string (so "true" stays words); nothing typed returns the key to its default. */
    static Function<String, Result> textOrDefault() {
        return text -> {
            if (text.isEmpty()) {
                return Result.of("null");
            }
            try {
                return Result.of(dev.tidesync.io.Json.mapper().writeValueAsString(text));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return Result.refused("cannot be stored: " + e.getOriginalMessage());
            }
        };
    }

    static String seconds(long ms) {
        return ms % 1000 == 0 ? Long.toString(ms / 1000) : Double.toString(ms / 1000.0);
    }
}
