"""What the site adds to pages: measure anchors and badges, policy links, and the generated sections
that fill the ``<!-- name -->`` markers of stub pages. The official text passes through unchanged;
everything added carries the class ``site-added`` (or sits in a box that says it is added).

Layout:

- ``markers.py`` — the one registry: each marker's name and the function that fills it, and
  ``fill_markers(markdown, page, catalog)``, which the hook calls. An unknown marker is an error
  listing the registered names.
- ``context.py`` — ``PageContext``: what a renderer knows of its page (path, language, front matter,
  URL), filled in by the hook. A renderer reads nothing else: all data comes from the ``Catalog``.
- One module per concern: ``measures.py`` (measures on report pages, tables of measures),
  ``indexes.py`` (the index pages), ``policies.py`` (policy pages and their index), ``report_home.py``
  (a report's home and the one-page report), ``glossary.py``, ``corrections.py``, ``notices.py``
  (the notices of English pages); ``citations.py`` (titles as cited, citation links).
- ``templates/`` — every piece of output that holds HTML, as a Jinja template (``templates.py``:
  one autoescaping environment per process). Markdown without HTML is joined in Python.
- ``strings.py`` — the site's own words, ``Strings(catalog.ui_strings, lang)["key"]``, from
  ``data/ui-strings.yml``, where both languages stand side by side for a translator.
- ``markdown.py`` — escaping (``text``, ``cell``), pipe tables, links between pages.

Escaping: a string from YAML is escaped where it lands: by the templates' autoescape in HTML, by
``markdown.text``/``markdown.cell`` (or the templates' ``md``/``cell`` filters) in Markdown. Markdown
this package made (official text with its links) reaches a template as ``Markup``, unchanged.

To add a generated section:

1. Choose its marker, e.g. ``<!-- measures:by-month -->``, and put it in the page under ``docs/zh/``
   and ``docs/en/``.
2. Write its renderer, ``def measures_by_month(page: PageContext, catalog: Catalog) -> str``, in the
   module of its concern (or a new module); it returns Markdown.
3. Register it in ``markers.MARKERS``; the message for an unknown marker lists it from then on.
4. If it writes HTML, put the HTML in a template under ``templates/`` and call
   ``templates.render("name.html", strings=Strings.of(catalog, page.lang), …)``.
5. Put its words in ``data/ui-strings.yml``, ``key: {zh: …, en: …}``, and look them up with
   ``Strings``, never by comparing ``lang``.
6. Test it in ``tests/annual_report/test_rendering_<module>.py`` on the small catalog of
   ``rendering_factory.py``: parse its HTML with BeautifulSoup, and put ``PROBE`` in each string it
   takes from YAML to check that it comes out as text.
"""
