// With <allowShell>true the same base is accepted, the image runs, and its SBOM still lists the
// base's packages.
def support = evaluate(new File(supportScript))

String image = support.ref('it/allow-shell-builds-on-base-with-shell') + ':1'
assert !support.buildLog().contains('contains a shell'): 'allowShell did not let the base through'
assert support.podmanRun(image).trim() == 'built on a base with a shell'
def sbom = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/distroless/sbom.cdx.json'))
assert sbom.components.find { it.purl?.startsWith('pkg:deb/debian/libc6@') }: 'the SBOM lost the base packages'
