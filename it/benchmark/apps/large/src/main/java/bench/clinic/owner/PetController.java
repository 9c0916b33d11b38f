package bench.clinic.owner;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.Collection;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ModelMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/owners/{ownerId}")
class PetController {
  private static final String FORM = "pets/createOrUpdatePetForm";
  private final OwnerRepository owners;

  PetController(OwnerRepository owners) {
    this.owners = owners;
  }

  @ModelAttribute("types")
  Collection<PetType> populatePetTypes() {
    return owners.findPetTypes();
  }

  @ModelAttribute("owner")
  Owner findOwner(@PathVariable("ownerId") int ownerId) {
    return owners.findById(ownerId).orElseThrow(() -> new IllegalArgumentException("Owner not found: " + ownerId));
  }

  @InitBinder("owner")
  void initOwnerBinder(WebDataBinder binder) {
    binder.setDisallowedFields("id");
  }

  @InitBinder("pet")
  void initPetBinder(WebDataBinder binder) {
    binder.setValidator(new PetValidator());
  }

  @GetMapping("/pets/new")
  String initCreationForm(Owner owner, ModelMap model) {
    Pet pet = new Pet();
    owner.addPet(pet);
    model.put("pet", pet);
    return FORM;
  }

  @PostMapping("/pets/new")
  String processCreationForm(Owner owner, @Valid Pet pet, BindingResult result, RedirectAttributes redirect) {
    if (pet.getName() != null && owner.getPet(pet.getName()) != null) {
      result.rejectValue("name", "duplicate", "already exists");
    }
    if (pet.getBirthDate() != null && pet.getBirthDate().isAfter(LocalDate.now())) {
      result.rejectValue("birthDate", "typeMismatch.birthDate");
    }
    if (result.hasErrors()) {
      return FORM;
    }
    owner.addPet(pet);
    owners.save(owner);
    redirect.addFlashAttribute("message", "New pet has been added");
    return "redirect:/owners/{ownerId}";
  }
}
