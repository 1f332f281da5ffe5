#!/usr/bin/env python3
"""Adds the public symbols that the build reports as undeclared (RS0016) to a project's PublicAPI.Unshipped.txt and
removes the declared ones that no longer exist (RS0017).

usage: eng/update-public-api.py PROJECT_DIR   (builds it, then rewrites PublicAPI.Unshipped.txt sorted)
Review the diff: every line is a public API change.
"""
import re, subprocess, sys, pathlib

project = pathlib.Path(sys.argv[1]).resolve()
out = subprocess.run(["dotnet", "build", str(project), "-p:TreatWarningsAsErrors=false"], capture_output=True, text=True).stdout
symbols = set(re.findall(r"RS0016: Symbol '(.+?)' is not part of the declared public API", out))
removed = set(re.findall(r"RS0017: Symbol '(.+?)' is part of the declared API, but is either not public or could not be found", out))
unshipped = project / "PublicAPI.Unshipped.txt"
lines = [l for l in unshipped.read_text().splitlines() if l and not l.startswith("#")]
merged = sorted((set(lines) - removed) | symbols)
unshipped.write_text("#nullable enable\n" + "".join(l + "\n" for l in merged))
print(f"{len(symbols)} symbols added to and {len(removed)} removed from {unshipped.name}")
