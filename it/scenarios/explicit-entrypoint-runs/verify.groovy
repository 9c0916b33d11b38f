// The entrypoint passes the check (java is on the image's PATH, through its links), and the
// image starts with it under podman.
def support = evaluate(new File(supportScript))

String image = "${support.ref('it/explicit-entrypoint-runs')}:1"
assert support.imageConfig(image).Entrypoint == ['java', '-cp', '/app/classes', 'com.example.explicit.App']
assert support.podmanRun(image).trim() == 'started by the entrypoint as given'
