package dev.newsalerts.classifier.app;

import dev.newsalerts.classifier.domain.Judgement;
import java.util.List;

/** Every alert a reader judged (the latest judgement of each), which the rules are scored on; the messaging side reads them. */
public interface JudgedAlerts {

    /**
     * @return the latest judgement of every judged alert, in no particular order
     * @throws FeedbackUnavailableException when the judgements given so far are not all known yet
     */
    List<Judgement> all();
}
