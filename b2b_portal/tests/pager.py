"""Follow every link of a portal pager, as a buyer clicking through it."""

from urllib.parse import urlsplit

from lxml import html

PAGER_LINKS = "//ul[contains(@class, 'pagination')]//a[@href]/@href"
CURRENT_PAGE = "//ul[contains(@class, 'pagination')]//li[contains(@class, 'active')]"


class PagerWalkMixin:
    """For HttpCase classes: ``walk_pager(url, rows)``."""

    def walk_pager(self, url, rows):
        """Open ``url``, then every link any pager on the way renders.

        Each page must answer 200 and name its current page; ``rows`` is an
        XPath giving the keys of a page's rows. Returns the rows of each page
        number, ``{1: [...], 2: [...]}``; a page reached by two links must
        show the same rows both times.
        """
        pages, todo, seen = {}, [url], set()
        while todo:
            link = todo.pop(0)
            if link in seen:
                continue
            seen.add(link)
            response = self.url_open(link, allow_redirects=False)
            self.assertEqual(response.status_code, 200, link)
            self.assertEqual(urlsplit(response.url).path, urlsplit(link).path)
            tree = html.fromstring(response.text)
            current = tree.xpath(CURRENT_PAGE)
            number = int(current[0].text_content().strip()) if current else 1
            keys = [str(key).strip() for key in tree.xpath(rows)]
            self.assertEqual(pages.setdefault(number, keys), keys, link)
            todo.extend(tree.xpath(PAGER_LINKS))
        return pages

    def walked_rows(self, pages):
        """The rows of all the pages, in page order."""
        return [key for number in sorted(pages) for key in pages[number]]
