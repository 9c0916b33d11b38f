// The build stops saying where it ran out of room and what to change, and leaves nothing
// half-written there.
File disk = new File(basedir, 'full-disk')
try {
  String log = new File(basedir, 'build.log').text
  assert log.contains("Assembling the image in ${disk.path} failed: No space left on device."
      + ' Make room on that disk, or point <outputPaths><tar> to a disk with room: the image is'
      + ' assembled beside it.'): log.readLines().findAll { it.contains('ERROR') }.join('\n')
  assert disk.list() as List == []: disk.list()
} finally {
  ['umount', disk.path].execute().waitFor()
}
return true
