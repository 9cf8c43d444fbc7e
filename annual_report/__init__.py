"""Reads the bureau's annual rule-of-law reports: sections, measures, policy citations, figures.

Plain Python over plain data, free of MkDocs: the hooks under ``hooks/`` only connect it to the
build. Everything here can be tested on strings.
"""
