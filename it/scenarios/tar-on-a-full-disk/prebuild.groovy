// A disk too small for the archive: a 4 MiB tmpfs where <outputPaths><tar> points. The
// application's layers are cached in target/, which has room: only the archive runs out.
File disk = new File(basedir, 'full-disk')
disk.mkdirs()
// One left mounted by a run whose verify.groovy did not get to unmount it.
['umount', disk.path].execute().waitFor()
Process mount = ['mount', '-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', disk.path].execute()
mount.waitFor()
assert mount.exitValue() == 0: "cannot mount a tmpfs (run as root): ${mount.err.text}"
return true
