// No image of an earlier run: the first build has no last push to start from.
def support = evaluate(new File(supportScript))
support.deleteTags('incremental-push-matches-full-build')
