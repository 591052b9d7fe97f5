package org.capacityhub.library.exchange;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ResourceImportRepository extends JpaRepository<ResourceImport, Long> {
}
