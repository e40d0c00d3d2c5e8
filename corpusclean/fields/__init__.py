"""Fields of a page: its publication date, authors, editors, source and title.

One home for both paths: the extract stage reads them from an HTML page (its tags and the lines of the
page), the metadata stage from the lines of a text. Pure functions over strings and an lxml root:
- dates.py: dates in text, URLs and tags, as a Stamp (the value, its precision and stated time zone);
- labels.py: label/value lines ("来源：X 作者：Y"), bylines, names, and what is not a name (a site);
- titles.py: a headline from a page title with its site suffix, and what can be a headline at all;
- page.py: which of the lines found is the publication date, the byline, the headline;
- html.py: what an HTML page's tags state (<meta>, JSON-LD, <time>, <title>, <link rel=canonical>).
The vocabularies (labels, byline words, tag names) are in corpusclean/rules/.
"""
