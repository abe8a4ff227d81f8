"""Scoring sayso against annotated articles: the Gender Gap Tracker's gold, PolNeAR and brat.

Each scorer is a pure function over plain data (character spans, names), so that the figures can be
checked on hand-made gold and reused for any tool that produces spans, not only sayso. Reading the
annotated folders and running sayso over them live next to the scorers; the command line is in
``sayso.cli.evaluate``.
"""
