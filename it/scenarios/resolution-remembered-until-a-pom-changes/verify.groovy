// Issue 6: the plugin skips Maven's dependency resolution when nothing it was made from changed,
// and never at the cost of correctness. A release's POM rewritten in place with a new dependency
// (same version, same jar) is seen: the next build resolves again, the new jar is in the image,
// and a new digest is pushed. (Within one Maven invocation Maven itself keeps the POM it read
// first; a POM changed while a build runs is therefore never trusted by the next one.)
def support = evaluate(new File(supportScript))

Map<String, String> logs = [:]
for (String name : ['1-first', '2-unchanged', '4-after-rewrite', '5-unchanged-again']) {
  logs[name] = new File(basedir, name + '.log').text
}
Closure<String> digestOf = { String name ->
  def matcher = logs[name] =~ /(?:Pushed|Up to date) \S+@(sha256:[0-9a-f]{64})/
  assert matcher.find(): "run ${name} printed no summary line"
  matcher.group(1)
}
String remembered = 'Runtime dependencies as the last build resolved them'

assert !logs['1-first'].contains('gson'): 'the first POM of the fixture has no dependency'
assert logs['2-unchanged'].contains(remembered): 'an unchanged build resolved the dependencies again'
assert logs['2-unchanged'].contains('Up to date: nothing changed since the last push')
assert digestOf('2-unchanged') == digestOf('1-first')

assert !logs['4-after-rewrite'].contains(remembered): 'a rewritten POM was not noticed'
assert digestOf('4-after-rewrite') != digestOf('1-first'): 'the new dependency gave no new image'

assert logs['5-unchanged-again'].contains(remembered)
assert digestOf('5-unchanged-again') == digestOf('4-after-rewrite')

String image = support.ref('it/resolution-remembered-until-a-pom-changes') + ':1'
String classpath = support.podmanRun(image).trim()
assert classpath.contains('/app/libs/remembered-lib-1.0.jar'): classpath
assert classpath.contains('/app/libs/gson-2.10.1.jar'): "the image lacks the dependency the POM gained: ${classpath}"
