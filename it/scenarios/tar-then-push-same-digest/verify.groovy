// Both tags in the registry carry the digest distroless:tar wrote, and the image runs.
def support = evaluate(new File(supportScript))

String digest = support.writtenDigest()
for (String tag : ['1', 'second']) {
  assert support.registryDigest('it/tar-then-push-same-digest', tag) == digest: "tag ${tag} has another digest than ${digest}"
}
assert support.podmanRun("${registry}/it/tar-then-push-same-digest@${digest}").trim() == 'crossed the air gap'
