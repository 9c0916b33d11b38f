package bench.clinic.vet;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

@Controller
class VetController {
  private final VetRepository vets;

  VetController(VetRepository vets) {
    this.vets = vets;
  }

  @GetMapping("/vets.html")
  String showVetList(@RequestParam(defaultValue = "1") int page, Model model) {
    Page<Vet> paginated = vets.findAll(PageRequest.of(page - 1, 5));
    model.addAttribute("currentPage", page);
    model.addAttribute("totalPages", paginated.getTotalPages());
    model.addAttribute("listVets", paginated.getContent());
    return "vets/vetList";
  }

  /** The JSON list, for API clients. */
  @GetMapping({"/api/vets"})
  @ResponseBody
  List<Vet> showResourcesVetList() {
    return List.copyOf(vets.findAll());
  }
}
