// Issue 6, acceptance 2: the fast path never trades correctness. An unchanged rebuild is
// confirmed with the registry and skipped; a changed class, resource, dependency, configuration
// value or moved base tag gives a new digest, pushed; a deleted or overwritten target is pushed
// again.
def support = evaluate(new File(supportScript))

String target = support.ref('it/fast-path-notices-every-change') + ':1'
Map<String, String> logs = [:]
for (String name : ['1-first', '2-unchanged', '3-class', '4-resource', '5-dependency', '6-config',
                    '7-base', '8-deleted', '9-overwritten', '10-unchanged-again']) {
  logs[name] = new File(basedir, name + '.log').text
}
Closure<String> digestOf = { String name ->
  def matcher = logs[name] =~ /(?:Pushed|Up to date) \S+@(sha256:[0-9a-f]{64})/
  assert matcher.find(): "run ${name} printed no summary line"
  matcher.group(1)
}
Closure<Boolean> skipped = { String name -> logs[name].contains('Up to date: nothing changed since the last push') }

assert !skipped('1-first')
assert skipped('2-unchanged'): 'an unchanged rebuild was not confirmed and skipped'
assert digestOf('2-unchanged') == digestOf('1-first')
assert !logs['2-unchanged'].contains('Pushing'): 'the unchanged rebuild pushed layers'

List<String> changes = ['3-class', '4-resource', '5-dependency', '6-config', '7-base']
String previous = digestOf('2-unchanged')
for (String change : changes) {
  assert !skipped(change): "run ${change} changed an input, but the build was skipped"
  assert digestOf(change) != previous: "run ${change} changed an input, but the digest stayed ${previous}"
  previous = digestOf(change)
}
String last = digestOf('7-base')

assert logs['8-deleted'].contains('is gone from the registry'): 'a deleted target was not noticed'
assert digestOf('8-deleted') == last
assert logs['9-overwritten'].contains('now points to another image'): 'an overwritten target was not noticed'
assert digestOf('9-overwritten') == last
assert skipped('10-unchanged-again')
assert support.registryDigest('it/fast-path-notices-every-change', '1') == last: 'the registry does not serve the last build'

// What the registry serves is the last change: the image runs with the new class, resource,
// and environment.
String out = support.podmanRun(target).trim()
assert out == '"changed class: changed greeting b"': "the image printed ${out}"
