package bench.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** One entity, its repository and one endpoint that reads it: a database round trip per GET. */
@SpringBootApplication
@RestController
public class Application {

  private final Owners owners;

  Application(Owners owners) {
    this.owners = owners;
  }

  public static void main(String[] args) {
    SpringApplication.run(Application.class, args);
  }

  @GetMapping("/")
  String index() {
    return "owners: " + owners.count();
  }
}
