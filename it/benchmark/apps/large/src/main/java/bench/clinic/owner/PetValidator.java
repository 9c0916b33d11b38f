package bench.clinic.owner;

import org.springframework.util.StringUtils;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/** Rules a bean annotation cannot express: a new pet needs a type, every pet a birth date. */
public class PetValidator implements Validator {
  private static final String REQUIRED = "required";

  @Override
  public void validate(Object obj, Errors errors) {
    Pet pet = (Pet) obj;
    if (!StringUtils.hasText(pet.getName())) {
      errors.rejectValue("name", REQUIRED, REQUIRED);
    }
    if (pet.isNew() && pet.getType() == null) {
      errors.rejectValue("type", REQUIRED, REQUIRED);
    }
    if (pet.getBirthDate() == null) {
      errors.rejectValue("birthDate", REQUIRED, REQUIRED);
    }
  }

  @Override
  public boolean supports(Class<?> clazz) {
    return Pet.class.isAssignableFrom(clazz);
  }
}
