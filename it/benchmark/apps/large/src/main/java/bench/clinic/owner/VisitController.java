package bench.clinic.owner;

import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class VisitController {
  private final OwnerRepository owners;

  VisitController(OwnerRepository owners) {
    this.owners = owners;
  }

  @InitBinder
  void setAllowedFields(WebDataBinder binder) {
    binder.setDisallowedFields("id");
  }

  @ModelAttribute("visit")
  Visit loadPetWithVisit(@PathVariable("ownerId") int ownerId, @PathVariable("petId") int petId,
      Map<String, Object> model) {
    Owner owner = owners.findById(ownerId).orElseThrow(() -> new IllegalArgumentException("Owner not found: " + ownerId));
    Pet pet = owner.getPet(petId);
    model.put("pet", pet);
    model.put("owner", owner);
    Visit visit = new Visit();
    pet.addVisit(visit);
    return visit;
  }

  @GetMapping("/owners/{ownerId}/pets/{petId}/visits/new")
  String initNewVisitForm() {
    return "pets/createOrUpdateVisitForm";
  }

  @PostMapping("/owners/{ownerId}/pets/{petId}/visits/new")
  String processNewVisitForm(@ModelAttribute Owner owner, @PathVariable int petId, @Valid Visit visit,
      BindingResult result, RedirectAttributes redirect) {
    if (result.hasErrors()) {
      return "pets/createOrUpdateVisitForm";
    }
    owner.addVisit(petId, visit);
    owners.save(owner);
    redirect.addFlashAttribute("message", "Your visit has been booked");
    return "redirect:/owners/{ownerId}";
  }
}
