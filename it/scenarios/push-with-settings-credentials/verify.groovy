// Pushed with the settings.xml server's decrypted password, which no log line shows.
def support = evaluate(new File(supportScript))

support.assertPushedToAuthRegistry('it/push-with-settings-credentials', '1')

String log = support.buildLog()
assert log.contains('[DEBUG]'): 'the build was meant to run with -X'
for (String secret : ['it-secret-4711', 'aXQtdXNlcjppdC1zZWNyZXQtNDcxMQ', 'mZhhhOgTpgoH1VIW9MN7']) {
  assert !log.contains(secret): "a secret reached the log: ${secret}"
}
