// A docker config.json that does not parse is an error naming the file, not an anonymous push.
def support = evaluate(new File(supportScript))

support.assertRefused([
    'docker config',
    'docker-config/config.json',
    'is not valid JSON',
    'DOCKER_CONFIG',
])
support.assertNothingPushedToAuthRegistry('it/refuses-malformed-docker-config')
// The parse error must not quote the file: it holds the registry password.
assert !support.buildLog().contains('aXQtdXNlcjppdC1zZWNyZXQtNDcxMQ'): 'the docker config\'s secret reached the log'
