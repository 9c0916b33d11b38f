package bench.clinic.system;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Shows the error page on purpose. */
@RestController
class CrashController {
  @GetMapping("/oups")
  String triggerException() {
    throw new IllegalStateException("Expected: controller used to showcase what happens when an exception is thrown");
  }
}
