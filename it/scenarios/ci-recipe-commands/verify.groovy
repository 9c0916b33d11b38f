// Every mvn line of docs/ci.md's recipes (GitHub Actions, then GitLab CI) runs here as the CI
// job would run it: credentials only in DISTROLESS_TO_AUTH_USERNAME/PASSWORD, the base layers
// cached under XDG_CACHE_HOME. registry.example.com becomes the test bed's registry that demands
// a login, the commit a test tag; the test bed's gcr.io mirror is added, as for every scenario.
// Each recipe pushes its image there and leaves the archive to keep as an artifact.
def support = evaluate(new File(supportScript))

File repository = new File(supportScript).parentFile.parentFile.parentFile.parentFile
String recipes = new File(repository, 'docs/ci.md').text
Map<String, List<String>> commands = [:]
String recipe = null
recipes.eachLine { String line ->
  if (line.startsWith('## ')) {
    recipe = line.substring(3)
  }
  def mvn = line =~ /^\s*(?:run: |- )(mvn .*)$/
  if (mvn) {
    commands.computeIfAbsent(recipe) { [] } << mvn[0][1]
  }
}
assert commands.keySet() == ['GitHub Actions', 'GitLab CI', 'Keeping the base current'] as Set: commands
List<String> freshness = commands.remove('Keeping the base current')
commands.each { name, lines -> assert lines.size() == 2: "${name}: ${lines}" }
assert freshness.size() == 1: freshness

File cache = new File(basedir, 'ci-cache')
cache.deleteDir()
Map<String, String> environment = [
    DISTROLESS_TO_AUTH_USERNAME: 'it-user',
    DISTROLESS_TO_AUTH_PASSWORD: 'it-secret-4711',
    XDG_CACHE_HOME: cache.path]
commands.each { String name, List<String> lines ->
  String tag = name == 'GitHub Actions' ? 'github' : 'gitlab'
  new File(basedir, 'target/distroless/image.tar').delete()
  lines.each { String line ->
    String command = line.replace('registry.example.com', authRegistry)
        .replace('${{ github.sha }}', tag).replace('$CI_COMMIT_SHORT_SHA', tag)
    assert !command.contains('$'): command
    List<String> words = command.split(' ') as List
    Map result = support.exec(words + ['-f', new File(basedir, 'pom.xml').path,
        "-Ddistroless.registryMirrors=gcr.io=${registry}".toString()], environment, 600)
    assert result.exit == 0: "${name}: ${command}\n${result.out}"
    assert !result.out.contains('it-secret-4711')
  }
  Map pushed = support.authRegistryGet("team/app/manifests/${tag}")
  assert pushed.status == 200: "${name}: the image is not in the registry"
  File archive = new File(basedir, 'target/distroless/image.tar')
  assert archive.length() > 1024 * 1024: "${name}: no archive to keep"
  // The archive is the image that was pushed, digest for digest.
  assert new File(basedir, 'target/distroless/image.digest').text.trim() == pushed.digest
}
// The scheduled check: the project's base (the default, by tag) is reported, and the gate passes.
Map check = support.exec((freshness[0].split(' ') as List) + ['-f', new File(basedir, 'pom.xml').path,
    "-Ddistroless.registryMirrors=gcr.io=${registry}".toString()], [:], 300)
assert check.exit == 0: "${freshness[0]}\n${check.out}"
assert check.out.contains('Base gcr.io/distroless/java'): check.out

// What the cache step keeps: the base's layers.
File layers = new File(cache, 'distroless-maven-plugin')
assert layers.isDirectory() && layers.listFiles().length > 0
return true
