package dev.newsalerts.classifier.app;

import dev.newsalerts.classifier.domain.cluster.ClusterMember;
import java.util.List;
import java.util.Optional;

/** The clusters of the stories alerted within the clustering window, as every instance knows them. */
public interface ClusterDirectory {

    /** The stories of a cluster, first first; empty when there is none such within the window. */
    List<ClusterMember> cluster(String clusterId);

    Optional<ClusterMember> member(String storyId);
}
