"""Builds the optional compiled fast path of the record verifier; the rest is pyproject.toml.

The extension is optional: where there is no C compiler, no Python headers, or no OpenSSL 3
or zlib headers, installation goes on without it and verify.py does the same checks in Python.
"""

import sys

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "twohomes.core.ledger._verifyc",
            ["twohomes/core/ledger/_verifyc.c"],
            libraries=["crypto", "z"],
            extra_compile_args=[] if sys.platform == "win32" else ["-O2", "-std=c11", "-pthread"],
            extra_link_args=[] if sys.platform == "win32" else ["-pthread"],
            optional=True,
        )
    ]
)
