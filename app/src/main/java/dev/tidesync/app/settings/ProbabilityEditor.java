package dev.tidesync.app.settings;

import java.util.function.IntConsumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** "Sync on 1 in [ 27 ] prompts" with the resulting chance and inline validation. */
public final class ProbabilityEditor extends VBox {

    public ProbabilityEditor(ProbabilityViewModel model, IntConsumer save) {
        setSpacing(4);
        TextField field = new TextField();
        field.setId("probability");
        field.setPrefColumnCount(7);
        field.textProperty().bindBidirectional(model.inputProperty());
        Label chance = new Label();
        chance.setId("chance");
        chance.textProperty().bind(model.chanceProperty());
        chance.setWrapText(true);
        chance.setMinHeight(Region.USE_PREF_SIZE);
        Label problem = new Label();
        problem.setId("probability-problem");
        problem.setStyle("-fx-text-fill: #b42318;");
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.validProperty().not());
        problem.managedProperty().bind(problem.visibleProperty());
        Button apply = new Button("Apply");
        apply.setId("probability-apply");
        apply.disableProperty().bind(model.validProperty().not());
        apply.setOnAction(e -> model.value().ifPresent(save::accept));
        field.setOnAction(apply.getOnAction());
        Label before = new Label("Sync on 1 in");
        Label after = new Label("prompts");
        before.setMinWidth(Region.USE_PREF_SIZE);
        after.setMinWidth(Region.USE_PREF_SIZE);
        apply.setMinWidth(Region.USE_PREF_SIZE);
        HBox line = new HBox(6, before, field, after, apply);
        line.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(line, chance, problem);
    }
}
