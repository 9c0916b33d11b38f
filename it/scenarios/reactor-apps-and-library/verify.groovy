// A reactor root build: the parent and the library skipped with one line each, both
// applications' images written and running; the unpinned base warned of once per build, and
// not at all when the project floats on its tag; distroless.containerize picks the modules.
def support = evaluate(new File(supportScript))

List<String> all = new File(basedir, '1-all.log').readLines()
List<String> skips = all.findAll { it.contains('Skipping distroless') }
assert skips.size() == 2: skips
assert skips.any { it.contains("Skipping distroless: packaging 'pom' has no classes to put in an image.") }
assert skips.any { it.contains('Skipping distroless: lib has no main class: a library, not an application. Set <container><mainClass> to build its image.') }
assert all.count { it.contains('[WARNING] The base is referenced by tag') } == 1: 'warned of once per build'
assert all.any { it.contains('(or set <allowUnpinnedBase>true</allowUnpinnedBase> to take each new base the tag points to)') }

// Run 2 (clean, then only :worker): the worker's archive alone.
List<String> selected = new File(basedir, '2-selected.log').readLines()
assert selected.any { it.contains('Skipping distroless: it.distroless.reactor:api is not among the modules distroless.containerize names (:worker).') }
assert selected.any { it.contains('Skipping distroless: it.distroless.reactor:lib is not among the modules distroless.containerize names (:worker).') }
assert selected.count { it.contains('[INFO] Wrote ') } == 1
assert selected.any { it.contains('[INFO] Wrote ') && it.contains("/worker/target/distroless/image.tar with ${registry}/it/reactor-worker:1") }

// Run 3: every application again, no warning.
List<String> floating = new File(basedir, '3-floating.log').readLines()
assert !floating.any { it.contains('The base is referenced by tag') }
assert !new File(basedir, 'lib/target/distroless').exists()
['api', 'worker'].each { String module ->
  File archive = new File(basedir, "${module}/target/distroless/image.tar")
  assert archive.isFile(): module
  String tag = "${registry}/it/reactor-${module}:1"
  support.removeImage(tag)
  support.run(['podman', 'load', '--quiet', '-i', archive.path])
  assert support.podmanRun(tag).trim() == "${module} says hello"
}
return true
