"""Checks the generated plugin reference against the plugin's descriptor.

  check_reference.py PLUGIN_XML SITE_DIR

Every goal of the descriptor has its page under SITE_DIR, listed on plugin-info.html, and every
editable parameter of the goal is on that page with its description; a few facts that only the
javadoc states (defaults of nested elements, properties) are there too.
"""
import html
import re
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path


def text_of(page):
    body = re.sub(r"<script.*?</script>", " ", page.read_text(encoding="utf-8"), flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", body)))


def main(descriptor, site):
    plugin = ElementTree.parse(descriptor).getroot()
    index = text_of(site / "plugin-info.html")
    failures = []
    for mojo in plugin.iter("mojo"):
        goal = mojo.findtext("goal")
        page = site / f"{goal}-mojo.html"
        if not page.is_file():
            failures.append(f"no page for distroless:{goal} ({page})")
            continue
        if f"distroless:{goal}" not in index:
            failures.append(f"plugin-info.html does not list distroless:{goal}")
        text = text_of(page)
        for parameter in mojo.iter("parameter"):
            if parameter.findtext("editable") == "false":
                continue
            name = parameter.findtext("name")
            description = " ".join((parameter.findtext("description") or "").split())
            if f"<{name}>" not in text:
                failures.append(f"{goal}: parameter <{name}> is not on its page")
            elif not description:
                failures.append(f"{goal}: parameter <{name}> has no javadoc")
    build = text_of(site / "build-mojo.html")
    for fact in ["65532:65532", "distroless.from.image", "gcr.io/distroless/java17-debian13:nonroot",
                 "target/distroless/image.digest", "DISTROLESS_TO_AUTH_USERNAME"]:
        if fact not in build:
            failures.append(f"build-mojo.html does not say {fact}")
    # check-base reads the base only: nothing about where an image goes belongs on its page.
    if "<to>" in text_of(site / "check-base-mojo.html"):
        failures.append("check-base-mojo.html lists <to>, which check-base does not read")
    if "DISTROLESS_TO_AUTH_USERNAME" not in text_of(site / "push-mojo.html"):
        failures.append("push-mojo.html does not say DISTROLESS_TO_AUTH_USERNAME")
    for failure in failures:
        print(failure, file=sys.stderr)
    if failures:
        sys.exit(1)
    print(f"plugin reference: {len(list(plugin.iter('mojo')))} goals, every parameter documented")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
