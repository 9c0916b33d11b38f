// Issue 6: a rebuild that changed only what layers hold is pushed by swapping the changed layers
// into the last push, and that image is the very image a full build through jib-core gives.
def support = evaluate(new File(supportScript))

String repository = 'it/incremental-push-matches-full-build'
Map<String, String> logs = [:]
for (String name : ['1-first', '2-class', '3-class-in-full', '4-resource', '5-resource-in-full',
                    '6-last-push-gone', '7-class-again']) {
  logs[name] = new File(basedir, name + '.log').text
}
Closure<String> digestOf = { String name ->
  def matcher = logs[name] =~ /Pushed \S+@(sha256:[0-9a-f]{64})/
  assert matcher.find(): "run ${name} printed no Pushed line"
  matcher.group(1)
}
Closure<Boolean> incremental = { String name -> logs[name].contains('Pushed only the changed') }

// The summary names every tag pushed, in full and incremental pushes alike.
logs.each { String name, String log ->
  assert log =~ /(?m)\[INFO\] Pushed \S+:\S+@sha256:[0-9a-f]{64} \([0-9.]+ [kM]B\), also tagged extra$/: name
}

assert !incremental('1-first'): 'the first build had no last push to start from'
assert logs['2-class'].contains('Pushed only the changed classes layer; the rest is the last push\'s (' + digestOf('1-first') + ')'):
    'a changed class was not pushed as the last push with its classes layer swapped'
assert logs['4-resource'].contains('Pushed only the changed resources layer; the rest is the last push\'s (' + digestOf('3-class-in-full') + ')'):
    'a changed resource was not pushed as the last push with its resources layer swapped'
assert ['1-first', '2-class', '4-resource'].collect { digestOf(it) }.unique().size() == 3:
    'each change must give a new digest'

// The same inputs again, with the record of the last push deleted: jib-core builds it all.
for (String full : ['3-class-in-full', '5-resource-in-full']) {
  assert !incremental(full) && !logs[full].contains('Up to date'): "run ${full} was not a full build"
}
assert digestOf('3-class-in-full') == digestOf('2-class'):
    'the image pushed with its classes layer swapped differs from the one a full build gives'
assert digestOf('5-resource-in-full') == digestOf('4-resource'):
    'the image pushed with its resources layer swapped differs from the one a full build gives'

// The last push was deleted from the registry: nothing to start from, so a full build.
assert logs['6-last-push-gone'].contains('Building in full: the last push, ' + digestOf('5-resource-in-full') + ', is gone from the registry')
assert !incremental('6-last-push-gone')
assert digestOf('6-last-push-gone') != digestOf('5-resource-in-full')
assert logs['7-class-again'].contains('Pushed only the changed classes layer; the rest is the last push\'s (' + digestOf('6-last-push-gone') + ')')

// Every tag serves the last image, pushed with its classes layer swapped, and it runs.
String last = digestOf('7-class-again')
assert support.registryDigest(repository, '1') == last
assert support.registryDigest(repository, 'extra') == last
String out = support.podmanRun(support.ref(repository) + ':1').trim()
assert out == '"class v4: changed greeting"': "the image printed ${out}"
