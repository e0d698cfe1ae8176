#!/usr/bin/env python3
"""Writes the hand-made pages that defeat the depth limiter (src/extract/depth.rs) or make
it quadratic, for timing extract_bytes before and after a fix:

    python3 fuzz/slow_inputs.py            # writes fuzz/artifacts/extract_page/slow-*.html
    RUSTC_BOOTSTRAP=1 cargo fuzz run extract_page fuzz/artifacts/extract_page/slow-*.html -- -timeout=10

Each page is one short unit repeated N times; time grows with the square of N (or worse),
so N is what to vary, not the bytes. See README.md ("Findings") for the cause of each.
"""
import os
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 30_000
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "artifacts", "extract_page")

PAGES = {
    # `<div/>` is an open <div> in HTML (the slash is ignored on non-void elements);
    # the scanner counts it as self-closed.
    "slow-div-selfclose": "<html><body>" + "<div/>" * N + "deep words here</body></html>",
    # dom_query parses with scripting disabled, so <noscript> holds markup; the scanner
    # skips it as raw text.
    "slow-noscript": "<html><body><noscript>" + "<div>" * N + "deep words</noscript></body></html>",
    # Inside <svg>/<math>, <title>/<style>/<script> are not raw text; the scanner skips them.
    "slow-svg-title": "<html><body><svg><title>" + "<div>" * (N // 3) + "deep words here</title></svg></body></html>",
    # html5ever's tag name runs to whitespace, '/' or '>': `<x_>` is element "x_", which
    # `</x>` does not close; the scanner reads the name as "x" and closes it.
    "slow-tagname-mismatch": "<html><body>" + "<x_></x>" * (2 * N // 3) + "deep words</body></html>",
    # Nesting that the limiter does see, followed by stray end tags: each stray end tag
    # makes max_depth() search the whole open-element stack (rposition), O(N^2).
    "slow-stray-end-tags": "<html><body>" + "<i>" * (2 * N // 3) + "</x>" * (2 * N // 3) + "</body></html>",
}

os.makedirs(OUT, exist_ok=True)
for name, page in PAGES.items():
    path = os.path.join(OUT, f"{name}.html")
    with open(path, "w") as f:
        f.write(page)
    print(f"{path}: {len(page)} bytes")
