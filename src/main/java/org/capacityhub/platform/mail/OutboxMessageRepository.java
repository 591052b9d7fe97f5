package org.capacityhub.platform.mail;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface OutboxMessageRepository extends JpaRepository<OutboxMessage, Long> {

    Page<OutboxMessage> findAllByOrderByIdDesc(Pageable pageable);
}
