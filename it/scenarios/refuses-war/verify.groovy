// A war is refused before anything is built, naming what to do instead; nothing is written.
def support = evaluate(new File(supportScript))

support.assertRefused([
    "the POM's <packaging>: is war, which needs a servlet container to run in, and no distroless base has one: the image would not start.",
    'a Spring Boot executable jar',
    'named with <container><mainClass>',
])
return true
