package bench.clinic.owner;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class OwnerController {
  private static final String FORM = "owners/createOrUpdateOwnerForm";
  private static final int PAGE_SIZE = 5;
  private final OwnerRepository owners;

  OwnerController(OwnerRepository owners) {
    this.owners = owners;
  }

  @InitBinder
  void setAllowedFields(WebDataBinder binder) {
    binder.setDisallowedFields("id");
  }

  @ModelAttribute("owner")
  Owner findOwner(@PathVariable(name = "ownerId", required = false) Integer ownerId) {
    return ownerId == null ? new Owner()
        : owners.findById(ownerId).orElseThrow(() -> new IllegalArgumentException("Owner not found: " + ownerId));
  }

  @GetMapping("/owners/new")
  String initCreationForm() {
    return FORM;
  }

  @PostMapping("/owners/new")
  String processCreationForm(@Valid Owner owner, BindingResult result, RedirectAttributes redirect) {
    if (result.hasErrors()) {
      return FORM;
    }
    owners.save(owner);
    redirect.addFlashAttribute("message", "New owner created");
    return "redirect:/owners/" + owner.getId();
  }

  @GetMapping("/owners")
  String processFindForm(@RequestParam(defaultValue = "1") int page, Owner owner, BindingResult result, Model model) {
    String lastName = owner.getLastName() == null ? "" : owner.getLastName();
    Page<Owner> found = owners.findByLastNameStartingWithIgnoreCase(lastName, PageRequest.of(page - 1, PAGE_SIZE));
    if (found.isEmpty()) {
      result.rejectValue("lastName", "notFound", "not found");
      return "owners/findOwners";
    }
    if (found.getTotalElements() == 1) {
      return "redirect:/owners/" + found.iterator().next().getId();
    }
    List<Owner> list = found.getContent();
    model.addAttribute("currentPage", page);
    model.addAttribute("totalPages", found.getTotalPages());
    model.addAttribute("totalItems", found.getTotalElements());
    model.addAttribute("listOwners", list);
    return "owners/ownersList";
  }

  @GetMapping("/owners/{ownerId}/edit")
  String initUpdateOwnerForm() {
    return FORM;
  }

  @PostMapping("/owners/{ownerId}/edit")
  String processUpdateOwnerForm(@Valid Owner owner, BindingResult result, @PathVariable("ownerId") int ownerId,
      RedirectAttributes redirect) {
    if (result.hasErrors()) {
      return FORM;
    }
    owner.setId(ownerId);
    owners.save(owner);
    redirect.addFlashAttribute("message", "Owner values updated");
    return "redirect:/owners/{ownerId}";
  }

  @GetMapping("/owners/{ownerId}")
  ModelAndView showOwner(@PathVariable("ownerId") int ownerId) {
    ModelAndView mav = new ModelAndView("owners/ownerDetails");
    mav.addObject(owners.findById(ownerId).orElseThrow(() -> new IllegalArgumentException("Owner not found: " + ownerId)));
    return mav;
  }
}
