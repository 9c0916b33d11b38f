// A Spring Boot app runs from its exploded classpath: the entrypoint starts the application
// class with the dependency jars on the classpath (not Boot's JarLauncher on the fat jar), and
// it serves GET /.
def support = evaluate(new File(supportScript))

// spring-boot-maven-plugin repackaged the jar in package, as a user's build does.
assert support.buildLog().contains('spring-boot-maven-plugin:3.5.7:repackage')

String repository = 'it/spring-boot-web'
String digest = new File(basedir, 'digest-1.txt').text.trim()
String image = "${support.ref(repository)}@${digest}"

Map config = support.imageConfig(image)
// The labels describe this project, not spring-boot-starter-parent, whose URL, SCM, licenses
// and description Maven hands down to every Spring Boot project.
Map labels = config.Labels
['url', 'source', 'licenses', 'description', 'vendor'].each { String name ->
  String value = labels["org.opencontainers.image.${name}".toString()]
  assert value == null: "${name} = ${value}"
}
assert labels['org.opencontainers.image.title'] == 'spring-boot-web'
List entrypoint = config.Entrypoint
assert entrypoint[0] == '/usr/bin/java'
assert entrypoint[-1] == 'com.example.boot.Application'
assert !entrypoint.any { it.contains('JarLauncher') || it == '-jar' }
List<String> classpath = entrypoint[entrypoint.indexOf('-cp') + 1].split(':')
assert classpath[0..1] == ['/app/resources', '/app/classes']
['spring-boot-3.5.7.jar', 'spring-boot-autoconfigure-3.5.7.jar', 'spring-webmvc-', 'tomcat-embed-core-'].each { jar ->
  assert classpath.any { it.startsWith('/app/libs/' + jar) }: "${jar} is not on the classpath ${classpath}"
}
assert !classpath.any { it.contains('spring-boot-web-1.0.0') }: 'the fat jar must not be on the classpath'

support.withServer(image, 8080) { String url ->
  Map response = support.httpGet(url + '/', 60)
  assert response.status == 200
  assert response.body == 'hello from spring boot in a distroless image'
}

// On a runtime linked with jlink: the modules jdeps found in Spring's jars are enough to serve.
String linked = "${support.ref(repository)}@${new File(basedir, 'digest-jlink.txt').text.trim()}"
Map linkedConfig = support.imageConfig(linked)
assert linkedConfig.Entrypoint[0] == '/usr/lib/jvm/jre/bin/java'
assert linkedConfig.User == '65532:65532'
println new File(basedir, '2-jlink.log').readLines().find { it.contains('Java runtime of') }
support.withServer(linked, 8080) { String url ->
  Map response = support.httpGet(url + '/', 60)
  assert response.status == 200
  assert response.body == 'hello from spring boot in a distroless image'
}
return true
