package bench.spring;

import org.springframework.data.jpa.repository.JpaRepository;

/** The owners' repository. */
interface Owners extends JpaRepository<Owner, Long> {}
