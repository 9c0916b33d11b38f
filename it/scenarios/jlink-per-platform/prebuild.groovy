def support = evaluate(new File(supportScript))

support.deleteTags('jlink-per-platform')
new File(basedir, 'jlink-cache').deleteDir()
return true
