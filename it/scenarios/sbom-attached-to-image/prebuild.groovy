// Referrers tags of earlier runs would let a run that attaches nothing pass.
def support = evaluate(new File(supportScript))
support.deleteTags('sbom-attached-to-image')
