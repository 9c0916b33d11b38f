// Release 21 selects the java21 nonroot base, and the image runs the classes on Java 21.
def support = evaluate(new File(supportScript))

support.assertDefaultBaseRuns(21)
