package bench.clinic.owner;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface OwnerRepository extends JpaRepository<Owner, Integer> {
  Page<Owner> findByLastNameStartingWithIgnoreCase(String lastName, Pageable pageable);

  Optional<Owner> findById(Integer id);

  @Query("SELECT t FROM PetType t ORDER BY t.name")
  List<PetType> findPetTypes();
}
