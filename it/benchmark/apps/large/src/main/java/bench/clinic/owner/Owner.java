package bench.clinic.owner;

import bench.clinic.model.Person;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "owners")
public class Owner extends Person {
  @Column(name = "address")
  @NotBlank
  private String address;

  @Column(name = "city")
  @NotBlank
  private String city;

  @Column(name = "telephone")
  @NotBlank
  @Pattern(regexp = "\\d{10}", message = "Telephone must be a 10-digit number")
  private String telephone;

  @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
  @JoinColumn(name = "owner_id")
  @OrderBy("name")
  private final List<Pet> pets = new ArrayList<>();

  public String getAddress() { return address; }

  public void setAddress(String address) { this.address = address; }

  public String getCity() { return city; }

  public void setCity(String city) { this.city = city; }

  public String getTelephone() { return telephone; }

  public void setTelephone(String telephone) { this.telephone = telephone; }

  public List<Pet> getPets() { return pets; }

  public void addPet(Pet pet) {
    if (pet.isNew()) {
      pets.add(pet);
    }
  }

  public Pet getPet(String name) {
    return pets.stream().filter(p -> p.getName() != null && p.getName().equalsIgnoreCase(name)).findFirst().orElse(null);
  }

  public Pet getPet(Integer id) {
    return pets.stream().filter(p -> id.equals(p.getId())).findFirst().orElse(null);
  }

  public void addVisit(Integer petId, Visit visit) {
    Pet pet = getPet(petId);
    if (pet == null) {
      throw new IllegalArgumentException("No pet with id " + petId + " for owner " + getId());
    }
    pet.addVisit(visit);
  }
}
