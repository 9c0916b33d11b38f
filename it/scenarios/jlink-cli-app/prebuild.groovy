def support = evaluate(new File(supportScript))

support.deleteTags('jlink-cli-app')
new File(basedir, 'jlink-cache').deleteDir()
return true
