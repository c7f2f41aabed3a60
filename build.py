#!/usr/bin/env python3
"""Builds the site into dist/ (see docs/architecture.md §2). `python build.py --help`."""

import sys

from sitebuild.cli import main

if __name__ == "__main__":
    sys.exit(main())
