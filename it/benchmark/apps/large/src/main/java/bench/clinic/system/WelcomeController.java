package bench.clinic.system;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class WelcomeController {
  @GetMapping("/")
  String welcome(Model model) {
    model.addAttribute("stamp", BuildStamp.VALUE);
    return "welcome";
  }
}
