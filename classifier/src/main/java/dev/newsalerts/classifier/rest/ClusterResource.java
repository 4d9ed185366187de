package dev.newsalerts.classifier.rest;

import dev.newsalerts.classifier.app.ClusterDirectory;
import dev.newsalerts.classifier.domain.cluster.ClusterMember;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/** The stories of one event, as clustering gathered them within its window: which outlets, when, and why each joined. */
@Path("/clusters")
@Produces(MediaType.APPLICATION_JSON)
public class ClusterResource {

    /** @param outlets how many outlets have reported it */
    public record ClusterView(String clusterId, int outlets, List<StoryView> stories) {
    }

    public record StoryView(String storyId, boolean head, String outlet, String title, String link, Instant placedAt,
            double similarity, String explanation) {
    }

    private final ClusterDirectory clusters;

    public ClusterResource(ClusterDirectory clusters) {
        this.clusters = clusters;
    }

    /** A cluster by its id (its first story's id); a story's cluster by the story's id. */
    @GET
    @Path("/{id}")
    public ClusterView cluster(@PathParam("id") String id) {
        String clusterId = clusters.member(id).map(ClusterMember::clusterId).orElse(id);
        List<ClusterMember> members = clusters.cluster(clusterId);
        if (members.isEmpty()) {
            throw new NotFoundException("no story or cluster " + id + " within the clustering window");
        }
        List<StoryView> stories = members.stream().map(member -> new StoryView(member.storyId(), member.head(), member.outlet(),
                member.title(), member.link(), member.placedAt(), member.similarity(), member.explanation())).toList();
        return new ClusterView(clusterId, members.stream().mapToInt(ClusterMember::outlets).max().orElse(1), stories);
    }
}
