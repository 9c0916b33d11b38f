package bench.spring;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** A PetClinic owner, reduced to its key and name. */
@Entity
public class Owner {
  @Id @GeneratedValue Long id;
  String name;
}
