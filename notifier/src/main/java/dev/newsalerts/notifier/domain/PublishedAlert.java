package dev.newsalerts.notifier.domain;

/**
 * An alert as the classifier published it, read once where it enters the notifier: its reader's
 * view, which everything here works with, and its JSON text. The text is kept, not re-created from
 * the view, because a standard webhook forwards the alert exactly as published (fields the notifier
 * does not read included) and parked deliveries carry it so; nothing else reads it.
 *
 * @param json the alert's JSON text as published: one JSON object
 * @param position where it sits in news.alerts, for feedback links; null when not known (a delivery
 *        parked before the notifier kept it)
 */
public record PublishedAlert(Alert view, String json, AlertPosition position) {

    public PublishedAlert(Alert view, String json) {
        this(view, json, null);
    }
}
