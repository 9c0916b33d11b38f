// jib-core reads the base's manifest itself (the plugin's client does the rest): the proxy fails
// jib-core's first such read with 503 (its User-Agent names jib; the plugin's client is left
// alone), as a busy registry does.
def support = evaluate(new File(supportScript))

support.forgetEarlierPushes('it/base-read-through-a-failing-registry')
String rule = '/v2/distroless/java17-debian13/manifests/sha256:'
support.clearFaults(rule)
support.addFault([path: rule, method: 'GET', userAgent: '^jib', status: 503, times: 1])
// jib-core keeps the base's manifest and config in the plugin's shared cache, by registry: forget
// what it kept of the base as the proxy serves it (no other scenario reads the base there), so
// that it reads them again.
String cacheHome = System.getenv('XDG_CACHE_HOME') ?: System.getProperty('user.home') + '/.cache'
new File(cacheHome, "distroless-maven-plugin/images/${registryProxy.replace(':', '!')}").deleteDir()
// The invoker runs the build only when a pre-build script's value reads as true.
return true
