// <args> become the Cmd, <jvmFlags> go before the classpath, <environment> is added to the
// base's; none of the base's Entrypoint or Cmd ("java -jar") leaks through.
def support = evaluate(new File(supportScript))

String repository = 'it/cli-app-with-args'
String image = "${support.ref(repository)}@${support.writtenDigest()}"

Map config = support.imageConfig(image)
List entrypoint = config.Entrypoint
assert entrypoint[0] == '/usr/bin/java'
assert entrypoint[1..2] == ['-Dgreeting=hi', '-Xss1m']
assert entrypoint[3] == '-cp'
assert entrypoint[4] == '/app/classes'
assert entrypoint[5] == 'com.example.cli.Cli'
assert entrypoint.size() == 6
assert !entrypoint.contains('-jar')
assert config.Cmd == ['first', 'two words']
assert config.Env.contains('APP_MODE=from-environment')
// The base's variables stay.
assert config.Env.any { it.startsWith('PATH=') }
assert config.Env.any { it.startsWith('JAVA_VERSION=') }

String output = support.podmanRun(image)
assert output.readLines() == ['greeting=hi', 'APP_MODE=from-environment', 'args=[first, two words]']
