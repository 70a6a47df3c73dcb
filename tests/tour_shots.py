"""Screenshots of a browser tour's steps, for tests/test_journey_whole.py.

A tour step logs ``b2b-shot:{"name": ..., "height": ...}`` (the ``shot``
steps of b2b_claims/static/tests/tours/journey_whole.js); the browser's
console handler asks Chromium for a PNG of the page (its whole height, at
most ``MAX_HEIGHT``), saves it as ``<name>.png`` with a palette of 256
colours, then marks ``body[data-b2b-shot=<name>]``, which the tour's next
step waits for: no step runs before its picture is taken.

The PNGs go to ``$B2B_TOUR_SHOTS`` (``setup/tour-shots`` sets it to
docs/tour), or to a temporary directory.
"""

import base64
import io
import json
import logging
import os
import tempfile
from pathlib import Path
from unittest.mock import patch

from PIL import Image

from odoo.tests.common import ChromeBrowser

_logger = logging.getLogger(__name__)

PREFIX = "b2b-shot:"
ENV_DIR = "B2B_TOUR_SHOTS"
WIDTH = 1280
MAX_HEIGHT = 1800
LOCALE = "ru-RU"


def save_png(data, path):
    """``data`` (a PNG) as a 256-colour PNG at ``path``: screenshots of
    pages are flat colours and text, a palette keeps them a few times
    smaller with no visible loss."""
    image = Image.open(io.BytesIO(data)).convert("RGB")
    palette = image.quantize(colors=256, dither=Image.Dither.NONE)
    palette.save(path, format="PNG", optimize=True)


class TourShotsMixin:
    """For an ``HttpCase``: ``start_tour`` saves the tour's screenshots in
    ``shots_dir``; ``shots`` lists their names in the order taken."""

    browser_size = f"{WIDTH}x800"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        target = os.environ.get(ENV_DIR)
        if target:
            cls.shots_dir = Path(target)
            cls.shots_dir.mkdir(parents=True, exist_ok=True)
        else:
            cls.shots_dir = Path(tempfile.mkdtemp(prefix="b2b-tour-"))
        _logger.info("tour screenshots in %s", cls.shots_dir)
        cls.shots = []

    def _shot_taken(self, browser, name, future):
        try:
            data = base64.b64decode(future.result(timeout=0)["data"])
            save_png(data, self.shots_dir / f"{name}.png")
            self.shots.append(name)
        except Exception:
            # the tour waits for the mark: it fails on its step, named
            _logger.exception("screenshot %s not saved", name)
            return
        mark = f"document.body.dataset.b2bShot = {json.dumps(name)}"
        browser._websocket_send("Runtime.evaluate", params={"expression": mark})

    def _shoot(self, browser, name, height):
        height = max(1, min(int(height), MAX_HEIGHT))
        future = browser._websocket_send(
            "Page.captureScreenshot",
            params={
                "format": "png",
                "captureBeyondViewport": True,
                "clip": {"x": 0, "y": 0, "width": WIDTH, "height": height, "scale": 1},
            },
            with_future=True,
        )
        future.add_done_callback(lambda f: self._shot_taken(browser, name, f))

    def start_tour(self, url_path, tour_name, step_delay=None, **kwargs):
        # a loaded 2-core machine: a part of the journey may take minutes
        kwargs.setdefault("timeout", 300)
        handle_console = ChromeBrowser._handle_console
        case = self

        def console(browser, type, args=None, **kw):  # pylint: disable=redefined-builtin
            text = (args or [{}])[0].get("value")
            if isinstance(text, str) and text.startswith(PREFIX):
                shot = json.loads(text[len(PREFIX) :])
                case._shoot(browser, shot["name"], shot["height"])
                return None
            return handle_console(browser, type, args=args, **kw)

        navigate_to = ChromeBrowser.navigate_to

        def navigate(browser, url, wait_stop=False):
            # dates and numbers the browser formats itself (date inputs)
            browser._websocket_request(
                "Emulation.setLocaleOverride", params={"locale": LOCALE}
            )
            return navigate_to(browser, url, wait_stop=wait_stop)

        with (
            patch.object(ChromeBrowser, "_handle_console", console),
            patch.object(ChromeBrowser, "navigate_to", navigate),
        ):
            return super().start_tour(url_path, tour_name, step_delay, **kwargs)
