// Pushed with the credentials of the docker config.json that DOCKER_CONFIG names.
def support = evaluate(new File(supportScript))

support.assertPushedToAuthRegistry('it/push-with-docker-config', '1')
assert !support.buildLog().contains('it-secret-4711'): 'the password reached the log'
