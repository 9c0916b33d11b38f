// The base tag starts at the java17 nonroot base; run 7 moves it. No image of an earlier run.
def support = evaluate(new File(supportScript))
support.run(['skopeo', 'copy', '--quiet', '--src-tls-verify=false', '--dest-tls-verify=false',
    "docker://${registry}/distroless/java17-debian13:nonroot",
    "docker://${registry}/it/fixtures/fast-path-base:1"], [:], 300)
support.deleteTags('fast-path-notices-every-change')
