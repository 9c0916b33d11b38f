// A docker config.json that does not parse is an error naming the file, not an anonymous push.
def support = evaluate(new File(supportScript))

support.assertRefused([
    'docker config',
    'docker-config/config.json',
    'is not valid JSON',
    'DOCKER_CONFIG',
])
String status = support.run(['curl', '-ksS', '-u', 'it-user:it-secret-4711', '-o', '/dev/null', '-w', '%{http_code}',
    "https://${authRegistry}/v2/it/refuses-malformed-docker-config/tags/list"])
assert status.trim() == '404': "the repository exists (HTTP ${status.inspect()}): something was pushed"
// The parse error must not quote the file: it holds the registry password.
assert !support.buildLog().contains('aXQtdXNlcjppdC1zZWNyZXQtNDcxMQ'): 'the docker config\'s secret reached the log'
