package dev.newsalerts.notifier.app;

import dev.newsalerts.notifier.domain.RuleCatalogue;
import java.util.Optional;

/** The classifier's rules in force, as it last published them; empty until it has. */
public interface KnownRules {

    Optional<RuleCatalogue> catalogue();
}
