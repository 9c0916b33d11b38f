// The test bed's registry proxy plays a corporate proxy that wants a login: settings.xml names
// it (host and port from the test bed), and a rule makes it answer 407 to any request for this
// scenario's repository without the right Proxy-Authorization. The registry's name,
// registry.behind-proxy.test, resolves nowhere: only a request through the proxy reaches it.
def support = evaluate(new File(supportScript))

support.forgetEarlierPushes('it/push-through-settings-proxy')
String rule = '^http://registry\\.behind-proxy\\.test:5000/v2/'
support.clearFaults(rule)
support.addFault([path: rule, action: 'proxyAuth', credentials: 'proxy-user:proxy-secret-2718'])

String host = registryProxy.substring(0, registryProxy.lastIndexOf(':'))
String port = registryProxy.substring(registryProxy.lastIndexOf(':') + 1)
new File(basedir, 'settings.xml').text = """<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by prebuild.groovy. Maven's own downloads do not go through it: everything this
     build needs is in the local repository, and Maven Central is HTTPS, which it does not serve. -->
<settings>
  <proxies>
    <proxy>
      <id>test-bed-proxy</id>
      <active>true</active>
      <protocol>http</protocol>
      <host>${host}</host>
      <port>${port}</port>
      <username>proxy-user</username>
      <password>proxy-secret-2718</password>
      <nonProxyHosts>localhost|127.*</nonProxyHosts>
    </proxy>
  </proxies>
</settings>
"""
// The invoker runs the build only when a pre-build script's value reads as true.
return true
