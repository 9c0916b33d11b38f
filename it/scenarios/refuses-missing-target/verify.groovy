// distroless:build without <to><image> names the element and the property to set.
def support = evaluate(new File(supportScript))

support.assertRefused([
    "<to><image>",
    "-Ddistroless.to.image=",
])
support.assertNothingPushed('refuses-missing-target')
