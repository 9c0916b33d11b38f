// Judge this run alone: remove what an earlier, broken run may have pushed.
def support = evaluate(new File(supportScript))
support.deleteTags('it/skip-property')
