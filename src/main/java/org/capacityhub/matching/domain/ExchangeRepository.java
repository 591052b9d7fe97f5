package org.capacityhub.matching.domain;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ExchangeRepository extends JpaRepository<Exchange, Long> {

    @Query("select x from Exchange x where x.helper.id in :profiles or x.request.requester.id in :profiles "
            + "order by x.updatedAt desc")
    List<Exchange> findInvolving(Collection<Long> profiles);

    List<Exchange> findByRequestIdOrderByCreatedAt(long requestId);
}
