// Release 25 selects the java25 nonroot base, and the image runs the classes on Java 25. The
// main class is found as Java 25 defines one (JEP 512): an instance void main() in a
// package-private class.
def support = evaluate(new File(supportScript))

support.assertDefaultBaseRuns(25)
Map config = support.imageConfig("${support.ref('it/default-base-java25')}@${support.writtenDigest()}")
assert config.Entrypoint.last() == 'com.example.hello.Main'
return true
