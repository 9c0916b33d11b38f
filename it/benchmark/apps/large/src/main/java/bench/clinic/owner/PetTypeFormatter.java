package bench.clinic.owner;

import java.text.ParseException;
import java.util.Locale;
import org.springframework.format.Formatter;
import org.springframework.stereotype.Component;

/** Turns a pet type's name in a form into the PetType entity and back. */
@Component
public class PetTypeFormatter implements Formatter<PetType> {
  private final OwnerRepository owners;

  public PetTypeFormatter(OwnerRepository owners) {
    this.owners = owners;
  }

  @Override
  public String print(PetType petType, Locale locale) {
    return petType.getName();
  }

  @Override
  public PetType parse(String text, Locale locale) throws ParseException {
    return owners.findPetTypes().stream()
        .filter(t -> t.getName().equals(text))
        .findFirst()
        .orElseThrow(() -> new ParseException("type not found: " + text, 0));
  }
}
