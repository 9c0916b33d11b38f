// Links as a release layout has them: current.properties -> app-v2.properties, and a directory
// link active -> releases/2. Made here: the invoker's copy of the scenario would not keep them.
import java.nio.file.Files
import java.nio.file.Path

def support = evaluate(new File(supportScript))

support.deleteTags('extra-directories-keep-links')
File config = new File(basedir, 'src/main/config')
[['current.properties', 'app-v2.properties'], ['active', 'releases/2']].each { String name, String target ->
  Path link = new File(config, name).toPath()
  Files.deleteIfExists(link)
  Files.createSymbolicLink(link, Path.of(target))
}
// The invoker runs the build only when a pre-build script's value reads as true.
return true
