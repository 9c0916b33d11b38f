// A link in the extra directory to a file outside it, as a careless `ln -s` makes one: the
// build must refuse it rather than copy the machine's file into the image.
import java.nio.file.Files
import java.nio.file.Path

def support = evaluate(new File(supportScript))

support.deleteTags('refuses-extra-directory-link-outside')
Path link = new File(basedir, 'src/main/config/machine-id').toPath()
Files.deleteIfExists(link)
Files.createSymbolicLink(link, Path.of('/etc/hostname'))
// The invoker runs the build only when a pre-build script's value reads as true.
return true
