// The tags the modules pin, as the test starts: both copies of the test bed's static base (an
// index of linux/amd64 and linux/arm64), pinned by the digest they have now.
def support = evaluate(new File(supportScript))

support.deleteTags('check-base-moved-tag')
for (String tag : ['stable', 'multi']) {
  support.run(['skopeo', 'copy', '--quiet', '--all', '--src-tls-verify=false', '--dest-tls-verify=false',
      "docker://${registry}/distroless/static-debian13:nonroot".toString(),
      "docker://${registry}/it/check-base-moved-tag:${tag}".toString()], [:], 300)
}
String digest = support.indexOrImageDigest('it/check-base-moved-tag', 'stable')
for (String module : ['pinned-app', 'multi-app']) {
  File pom = new File(basedir, "${module}/pom.xml")
  pom.text = pom.text.replace('sha256:PINNED', digest)
}
// What verify.groovy compares the rewritten POM with.
new File(basedir, 'pinned-app/pom.xml.before').bytes = new File(basedir, 'pinned-app/pom.xml').bytes
new File(basedir, 'pinned.txt').text = digest
return true
