package bench.clinic.owner;

import bench.clinic.model.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

@Entity
@Table(name = "visits")
public class Visit extends BaseEntity {
  @Column(name = "visit_date")
  @DateTimeFormat(pattern = "yyyy-MM-dd")
  private LocalDate date = LocalDate.now();

  @NotBlank
  private String description;

  public LocalDate getDate() { return date; }

  public void setDate(LocalDate date) { this.date = date; }

  public String getDescription() { return description; }

  public void setDescription(String description) { this.description = description; }
}
