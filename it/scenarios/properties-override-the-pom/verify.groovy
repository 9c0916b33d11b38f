def support = evaluate(new File(supportScript))

// Which image each run wrote, and on which base: the POM's <properties> over its plugin
// configuration, the command line over both, Jib's names read with a hint to rename them.
Map<String, String> logs = ['1-pom-properties', '2-image', '3-jib', '4-container'].collectEntries { String name ->
  [(name): new File(basedir, "${name}.log").text]
}
Closure<Boolean> wrote = { String log, String tag ->
  log =~ /(?m)^\[INFO\] Wrote \S+image\.tar with example\.test\/it\/props:${tag}@sha256:[0-9a-f]{64} /
}
assert wrote(logs['1-pom-properties'], 'from-properties')
assert wrote(logs['2-image'], 'from-image')
assert wrote(logs['3-jib'], 'from-jib')
assert !logs.values().any { it.contains('from-configuration') }

assert logs['1-pom-properties'].contains('[INFO] Base image gcr.io/distroless/java17-debian13:nonroot at ')
assert logs['3-jib'].contains('[INFO] Base image gcr.io/distroless/java21-debian13:nonroot at ')
assert logs['3-jib'].readLines().count { it == "[INFO] Reading Jib's property jib.to.image as distroless.to.image: rename it to distroless.to.image." } == 1
assert logs['3-jib'].readLines().count { it == "[INFO] Reading Jib's property jib.from.image as distroless.from.image: rename it to distroless.from.image." } == 1
assert !logs['2-image'].contains('rename it'): '-Dimage is our shorthand too'

// Run 4: the container settings from properties, in the image that runs.
assert wrote(logs['4-container'], 'container')
String tag = 'example.test/it/props:container'
support.removeImage(tag)
support.run(['podman', 'load', '--quiet', '-i', new File(basedir, 'target/distroless/image.tar').path])
assert support.podmanRun(tag).readLines() == ['args [one, two]', 'GREETING hi', 'suffix set']
return true
