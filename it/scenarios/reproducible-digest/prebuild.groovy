// The first build must read the base as if for the first time (what a fresh CI machine does),
// the second finds it remembered: the digest must not depend on which. Forgetting what was found
// in each base costs later scenarios one more read of their base's layers, from the layer cache.
String xdg = System.getenv('XDG_CACHE_HOME')
File cacheHome = xdg ? new File(xdg) : new File(System.getProperty('user.home'), '.cache')
File contents = new File(cacheHome, 'distroless-maven-plugin/distroless-contents')
assert !contents.exists() || contents.deleteDir()
