// Release 25 selects the java25 nonroot base, and the image runs the classes on Java 25.
def support = evaluate(new File(supportScript))

support.assertDefaultBaseRuns(25)
