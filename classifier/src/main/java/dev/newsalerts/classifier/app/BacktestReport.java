package dev.newsalerts.classifier.app;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.newsalerts.classifier.domain.Backtest;
import dev.newsalerts.classifier.domain.FeedbackBacktest;

/**
 * The answer of a back-test: what a candidate changes over the latest stories (the fields of
 * {@link Backtest}, as they are) and how it scores on the alerts readers judged ({@code feedback}).
 */
public record BacktestReport(@JsonUnwrapped Backtest stories, FeedbackBacktest feedback) {
}
