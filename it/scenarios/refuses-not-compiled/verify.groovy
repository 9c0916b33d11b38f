// The goal run alone, on a project never compiled, says to run package first.
def support = evaluate(new File(supportScript))

support.assertRefused([
    "project.build.outputDirectory",
    "package distroless:build",
])
support.assertNothingPushed('refuses-not-compiled')
