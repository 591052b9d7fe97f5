package org.capacityhub.library.domain;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface ResourceRepository extends JpaRepository<Resource, Long> {

    @Query("select r from Resource r where r.authorPersonId = ?1 and r.status in ?2 order by r.updatedAt desc")
    List<Resource> findByAuthor(long personId, Collection<ResourceStatus> statuses);

    @Query("select r from Resource r join r.reviewerIds p where p = ?1 and r.status = org.capacityhub.library.domain.ResourceStatus.IN_REVIEW order by r.updatedAt desc")
    List<Resource> findInReviewBy(long personId);

    @Query("select r from Resource r where r.series.id = ?1 and r.status = org.capacityhub.library.domain.ResourceStatus.PUBLISHED order by r.publishedAt desc")
    List<Resource> findPublishedInSeries(long seriesId);

    @Query("select r from Resource r where r.status = org.capacityhub.library.domain.ResourceStatus.PUBLISHED order by r.id")
    List<Resource> findAllPublished();

    @Query("select r from Resource r where r.translationOf.id = ?1")
    List<Resource> findTranslationsOf(long id);

    @Modifying
    @Query("update Resource r set r.viewCount = r.viewCount + 1 where r.id = ?1")
    void countView(long id);

    @Modifying
    @Query("update Resource r set r.downloadCount = r.downloadCount + 1 where r.id = ?1")
    void countDownload(long id);

    boolean existsByDemoTrue();
}
