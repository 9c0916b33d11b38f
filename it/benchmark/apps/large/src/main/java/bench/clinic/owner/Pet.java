package bench.clinic.owner;

import bench.clinic.model.NamedEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;

@Entity
@Table(name = "pets")
public class Pet extends NamedEntity {
  @Column(name = "birth_date")
  @DateTimeFormat(pattern = "yyyy-MM-dd")
  private LocalDate birthDate;

  @ManyToOne
  @JoinColumn(name = "type_id")
  private PetType type;

  @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
  @JoinColumn(name = "pet_id")
  @OrderBy("date ASC")
  private final Set<Visit> visits = new LinkedHashSet<>();

  public LocalDate getBirthDate() { return birthDate; }

  public void setBirthDate(LocalDate birthDate) { this.birthDate = birthDate; }

  public PetType getType() { return type; }

  public void setType(PetType type) { this.type = type; }

  public Set<Visit> getVisits() { return visits; }

  public void addVisit(Visit visit) { visits.add(visit); }
}
