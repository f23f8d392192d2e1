"""Prints the id of the dbusmenu item labelled argv[1], from `gdbus call ... GetLayout` on stdin (GVariant text)."""
import re
import sys

layout = sys.stdin.read()
wanted = sys.argv[1]
for item, props in re.findall(r"\((\d+), \{([^{}]*)\}", layout):
    label = re.search(r"'label': <'((?:[^'\\]|\\.)*)'>", props)
    if label and label.group(1) == wanted:
        print(item)
        sys.exit(0)
sys.exit(1)
