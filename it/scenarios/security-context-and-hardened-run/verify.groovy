// security-context.yaml matches the image's user and the restricted profile; the image runs
// under the podman flags the summary prints; the tag-referenced base gets its digest to pin.
def support = evaluate(new File(supportScript))

String repository = 'it/security-context-and-hardened-run'
String digest = support.writtenDigest()
Map config = support.imageConfig("${support.ref(repository)}@${digest}")
List<String> user = (config.User as String).split(':') as List

List<String> yaml = new File(basedir, 'target/distroless/security-context.yaml').readLines()
['securityContext:', '  runAsNonRoot: true', "  runAsUser: ${user[0]}", "  runAsGroup: ${user[1]}",
 '  allowPrivilegeEscalation: false', '  readOnlyRootFilesystem: true', '      - ALL',
 '    type: RuntimeDefault'].each {
  assert yaml.contains(it.toString()): "security-context.yaml lacks '${it}':\n${yaml.join('\n')}"
}
int drop = yaml.indexOf('    drop:')
assert drop > 0 && yaml[drop + 1] == '      - ALL' && yaml[drop - 1] == '  capabilities:'

String log = support.buildLog()
String hint = log.readLines().find { it.contains('[INFO] Run it hardened: podman run ') }
assert hint: 'the summary does not print the hardened run flags'
String flags = (hint =~ /podman run (.*) \S+ \(Kubernetes: security-context\.yaml\)$/)[0][1]
assert flags == "--read-only --cap-drop=ALL --security-opt=no-new-privileges --user ${config.User}".toString()

String image = "${support.ref(repository)}@${digest}"
String out = support.run(['podman', 'run', '--rm', '--tls-verify=false'] + flags.split(' ').toList() + [image], [:], 180)
support.removeImage(image)
assert out.trim() == "uid=${user[0]} root-fs=read-only".toString()

String baseDigest = support.registryDigest('distroless/java17-debian13', 'nonroot')
assert log.contains("[WARNING] The base is referenced by tag, which can move to another image. Pin it: <from><image>gcr.io/distroless/java17-debian13:nonroot@${baseDigest}</image>")
