// Each element the plugin does not read is named once, Jib's with what to do instead, the
// typo with the element meant; the build goes on and writes the archive.
def support = evaluate(new File(supportScript))

List<String> log = new File(basedir, '1-tar.log').readLines()
Map<String, String> expected = [
  'pluginExtensions': "[WARNING] <pluginExtensions> is Jib's and is not read here: Jib's extension API has no counterpart here.",
  'dockerClient': "[WARNING] <dockerClient> is Jib's and is not read here: distroless:load needs no docker command: it speaks to the engine's API socket, the one DOCKER_HOST names, else Docker's or Podman's default.",
  'expandClasspathDependencies': "[WARNING] <container><expandClasspathDependencies> is Jib's and is not read here: the classpath always names each jar.",
  'contianer': '[WARNING] <contianer> is not a parameter of distroless-maven-plugin and is ignored; did you mean <container>?',
]
expected.each { String element, String line ->
  assert log.count { it == line } == 1: "${element}: ${log.findAll { it.contains('WARNING') }}"
}
assert new File(basedir, 'target/distroless/image.tar').isFile()

// distroless:help -Ddetail names the elements inside <container>, <from>, <extraDirectories>.
String help = new File(basedir, '2-help.log').text.replaceAll(/\s+/, ' ')
['<jvmFlags>', '<environment>', '<filesModificationTime>', 'distroless.container.<name>',
 '<platforms>', '<architecture>', '<includes>', '<permissions>', '<imageJson>'].each {
  assert help.contains(it): "help does not name ${it}"
}
return true
