"""The MkDocs side of the site: what the hooks in hooks/ share during one build.

``annual_report`` knows reports and knows nothing of MkDocs; the hooks are small adapters from MkDocs
events to it, one file per capability (mkdocs.yml lists them, and says in which order their events
run). What they share is one :class:`~site_build.build.Build` per build, kept on the build's config:
the catalog, read once, and the few facts every hook needs (which language is being built, whether
a page shows a translation or the Chinese text, whether this is a preview). No hook writes anything
another hook reads.
"""
